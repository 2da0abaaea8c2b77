import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, SignedIn } from '../auth/access.decorators';
import type { Principal } from '../users/principal';
import { NotificationsService } from './notifications.service';

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: Object }) payload!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: [NotificationDto] })
  async list(@CurrentPrincipal() me: Principal): Promise<NotificationDto[]> {
    const rows = await this.notifications.listMine(me);
    return rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, payload: n.payload, createdAt: n.createdAt.toISOString() }));
  }
}
