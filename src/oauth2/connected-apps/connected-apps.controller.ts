import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, FirstPartyOnly } from 'src/auth/decorators';
import { ConnectedAppsService } from 'src/oauth2/connected-apps/connected-apps.service';
import {
  ApiListConnectedApps,
  ApiRevokeConnectedApp,
} from 'src/oauth2/connected-apps/connected-apps-docs.decorator';
import type { ConnectedAppResponseDto } from 'src/oauth2/connected-apps/dto/connected-app-response.dto';
import type { User } from 'src/users/user.entity';

/** `/api/oauth/authorized_apps`: the apps the user authorized, for first-party tokens only. */
@ApiTags('oauth2')
@Controller('oauth/authorized_apps')
export class ConnectedAppsController {
  constructor(private readonly service: ConnectedAppsService) {}

  @Get()
  @FirstPartyOnly()
  @ApiListConnectedApps()
  listAuthorizedApps(
    @CurrentUser() user: User,
  ): Promise<{ authorized_apps: ConnectedAppResponseDto[] }> {
    return this.service.list(user);
  }

  @Delete(':client_id')
  @FirstPartyOnly()
  @HttpCode(204)
  @ApiRevokeConnectedApp()
  revokeAuthorizedApp(
    @CurrentUser() user: User,
    @Param('client_id') clientId: string,
  ): Promise<void> {
    return this.service.revoke(user.id, clientId);
  }
}
