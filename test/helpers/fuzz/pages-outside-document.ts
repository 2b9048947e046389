import type { FuzzOperation } from 'test/helpers/fuzz/fuzz-operations';

const AUTHORIZE_QUERY = [
  'client_id',
  'response_type',
  'scope',
  'state',
  'redirect_uri',
  'code_challenge',
  'code_challenge_method',
];

/** The HTML consent page (RFC 6749 §4.1.1) is left out of the API document but fuzzed too. */
export const PAGES_OUTSIDE_DOCUMENT: readonly FuzzOperation[] = [
  {
    label: 'GET /profile/apps/authorize',
    method: 'get',
    path: '/profile/apps/authorize',
    pathParams: [],
    queryParams: AUTHORIZE_QUERY,
    bodyTypes: [],
    bodyFields: [],
    fileFields: [],
  },
  {
    label: 'POST /profile/apps/authorize',
    method: 'post',
    path: '/profile/apps/authorize',
    pathParams: [],
    queryParams: AUTHORIZE_QUERY,
    bodyTypes: ['application/x-www-form-urlencoded'],
    bodyFields: ['csrf_token', 'action', 'email', 'password'],
    fileFields: [],
  },
];
