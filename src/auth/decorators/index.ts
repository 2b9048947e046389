export { CurrentPrincipal, CurrentUser } from 'src/auth/decorators/current-user.decorator';
export { Public } from 'src/auth/decorators/public.decorator';
export { FirstPartyOnly, Scopes, type ScopesOptions } from 'src/auth/decorators/scopes.decorator';
