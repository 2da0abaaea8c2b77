import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { FairPostDto, LivestreamSummaryDto } from './fairs.dto';
import { IsInstant } from '../../../common/validation/instant';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MAX_LIVESTREAM_POSTS = 50;

export class CreateLivestreamDto {
  @ApiProperty({ example: '妈妈岗直播带岗：冬季暖心岗位专场' })
  @Transform(trim)
  @IsString({ message: '请填写直播标题' })
  @Length(2, 60, { message: '直播标题为2-60个字' })
  title!: string;

  @ApiProperty({ enum: ['wechat_channels', 'other'] })
  @IsIn(['wechat_channels', 'other'], { message: '请选择直播平台' })
  platform!: 'wechat_channels' | 'other';

  @ApiPropertyOptional({ example: 'sphABCdef123', description: 'WeChat channels: the channel id (视频号ID)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{2,64}$/, { message: '视频号ID格式不正确' })
  channelsId?: string;

  @ApiPropertyOptional({ description: 'WeChat channels: a live feed id, when known' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_=+/-]{1,200}$/, { message: '直播编号格式不正确' })
  feedId?: string;

  @ApiPropertyOptional({ example: 'https://live.example.cn/room/88', description: "Another platform's link (https)" })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: '直播链接应为 https:// 开头的链接' })
  @MaxLength(500, { message: '链接不超过500个字符' })
  url?: string;

  @ApiProperty({ example: '2026-12-05T19:00:00+08:00' })
  @IsInstant({ message: '开播时间格式不正确' })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-05T20:30:00+08:00' })
  @IsInstant({ message: '结束时间格式不正确' })
  endsAt!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_LIVESTREAM_POSTS,
    description: "Posts shown beside it: a fair's own posts (default all of them); a post's employer's posts (default that post)",
  })
  @IsOptional()
  @IsArray({ message: '岗位列表格式不正确' })
  @ArrayMaxSize(MAX_LIVESTREAM_POSTS, { message: `最多展示${MAX_LIVESTREAM_POSTS}个岗位` })
  @ArrayUnique({ message: '岗位重复' })
  @IsUUID('all', { each: true, message: '岗位编号不正确' })
  postIds?: string[];
}

export class ListLivestreamsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '招聘会编号不正确' })
  fairId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '岗位编号不正确' })
  postId?: string;

  @ApiPropertyOptional({ example: '371000', description: 'Livestreams of the region (a city covers its districts) not yet over' })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

export class LivestreamRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

export class LivestreamDto extends LivestreamSummaryDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty({ type: LivestreamRefDto, nullable: true }) fair!: LivestreamRefDto | null;
  @ApiProperty({ type: LivestreamRefDto, nullable: true }) post!: LivestreamRefDto | null;
  @ApiProperty({ type: [FairPostDto], description: 'The posts listed beside it, during and after the live; apply with source livestream' }) posts!: FairPostDto[];
}

export class LivestreamPostStatsDto {
  @ApiProperty() postId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() applications!: number;
  @ApiProperty() hires!: number;
}

export class LivestreamStatsDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() applications!: number;
  @ApiProperty() applicants!: number;
  @ApiProperty() hires!: number;
  @ApiProperty({ type: [LivestreamPostStatsDto] }) posts!: LivestreamPostStatsDto[];
}
