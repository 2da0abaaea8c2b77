import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { CHILDCARE_STAGE_CODES, POST_TYPE_CODES, WORKING_MODE_CODES } from '@mamagang/domain';
import { PAGE_SIZE } from '../search.ranking';
import { queryBoolean } from '../../../common/validation/query-boolean';

/** Results come from a window of this many nearest candidates: 10 pages of 20. */
export const CANDIDATE_WINDOW = 200;
export const MAX_PAGE = CANDIDATE_WINDOW / PAGE_SIZE;
export const DEFAULT_RADIUS_KM = 10;
export const MAX_RADIUS_KM = 50;

/** 'true' / 'false' from a query string; anything else stays as is and fails @IsBoolean. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE, description: `${PAGE_SIZE} a page; search shows at most ${CANDIDATE_WINDOW} posts` })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码从1开始' })
  @Max(MAX_PAGE, { message: `最多显示${MAX_PAGE}页` })
  page?: number;
}

export class SearchQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 37.513, description: 'With lng: search from this point. Never stored or logged.' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度应为数字' })
  @Min(-90, { message: '纬度应在-90到90之间' })
  @Max(90, { message: '纬度应在-90到90之间' })
  lat?: number;

  @ApiPropertyOptional({ example: 122.12 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度应为数字' })
  @Min(-180, { message: '经度应在-180到180之间' })
  @Max(180, { message: '经度应在-180到180之间' })
  lng?: number;

  @ApiPropertyOptional({ enum: ['home', 'school'], description: 'A mother searching from her stored home or child’s school' })
  @IsOptional()
  @IsIn(['home', 'school'], { message: 'from 只能是 home 或 school' })
  from?: 'home' | 'school';

  @ApiPropertyOptional({ default: DEFAULT_RADIUS_KM, minimum: 0.5, maximum: MAX_RADIUS_KM })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '搜索范围应为数字' })
  @Min(0.5, { message: '搜索范围至少0.5公里' })
  @Max(MAX_RADIUS_KM, { message: `搜索范围最大${MAX_RADIUS_KM}公里` })
  radiusKm?: number;

  @ApiPropertyOptional({ enum: POST_TYPE_CODES })
  @IsOptional()
  @IsIn(POST_TYPE_CODES, { message: '岗位类型不正确' })
  type?: string;

  @ApiPropertyOptional({ enum: CHILDCARE_STAGE_CODES })
  @IsOptional()
  @IsIn(CHILDCARE_STAGE_CODES, { message: '育儿阶段不正确' })
  stage?: string;

  @ApiPropertyOptional({ description: 'Yuan per hour: posts whose hourly pay reaches it (hourly max ≥ this)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '最低时薪应为数字' })
  @Min(0, { message: '最低时薪不能为负' })
  @Max(1000, { message: '最低时薪不超过1000元' })
  minHourly?: number;

  @ApiPropertyOptional({ description: `Only posts whose hours fall at least 80% in her free time (or flexible); needs a mother's profile` })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'fitsMyHours 应为 true 或 false' })
  fitsMyHours?: boolean;

  @ApiPropertyOptional({ type: String, example: 'flexible_leave,take_home', description: `Any of: ${WORKING_MODE_CODES.join(', ')}` })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((m) => m.trim()).filter((m) => m !== '') : value))
  @ArrayMaxSize(WORKING_MODE_CODES.length)
  @IsIn(WORKING_MODE_CODES, { each: true, message: '工作方式不正确' })
  modes?: string[];

  @ApiPropertyOptional({ description: 'Only remote posts, from anywhere (no distance limit)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'remote 应为 true 或 false' })
  remote?: boolean;

  @ApiPropertyOptional({ description: 'Only take-home posts, nearest first, no distance limit' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'takeHome 应为 true 或 false' })
  takeHome?: boolean;

  @ApiPropertyOptional({ enum: ['match', 'distance', 'pay'], default: 'match' })
  @IsOptional()
  @IsIn(['match', 'distance', 'pay'], { message: '排序方式只能是 match、distance 或 pay' })
  sort?: 'match' | 'distance' | 'pay';
}

export class ModeDto {
  @ApiProperty({ example: 'flexible_leave' }) code!: string;
  @ApiProperty({ example: '弹性妈妈岗' }) label!: string;
}

export class PostSummaryFacilitiesDto {
  @ApiProperty() motherBabyRoom!: boolean;
  @ApiProperty() shuttleBus!: boolean;
  @ApiProperty() childMayCome!: boolean;
}

export class PostSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({ description: 'A friendly employer (友好企业)' }) friendly!: boolean;
  @ApiProperty({ enum: POST_TYPE_CODES }) type!: string;
  @ApiProperty({ example: '生产线' }) typeLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String, enum: CHILDCARE_STAGE_CODES }) stage!: string | null;
  @ApiProperty({ example: '3800-5200元/月' }) payText!: string;
  @ApiProperty({ example: '折合约23.5-32.1元/小时' }) hourlyText!: string;
  @ApiProperty({ example: '周一至周五 9:00-15:00，每周30小时' }) scheduleText!: string;
  @ApiProperty({ type: [ModeDto] }) modes!: ModeDto[];
  @ApiProperty() remote!: boolean;
  @ApiProperty() takeHome!: boolean;
  @ApiProperty({ description: '0 for a full post' }) openPlaces!: number;
  @ApiProperty({ type: PostSummaryFacilitiesDto }) facilities!: PostSummaryFacilitiesDto;
}

export class HourlyRangeDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) min!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) max!: number | null;
}

export class SearchItemDto {
  @ApiProperty({ type: PostSummaryDto }) post!: PostSummaryDto;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Kilometres, one decimal; null for a post with no place' }) distanceKm!: number | null;
  @ApiProperty({ type: HourlyRangeDto }) hourly!: HourlyRangeDto;
  @ApiProperty({ description: '0-100, domain scoreMatch' }) score!: number;
  @ApiProperty({ type: [String], example: ['距您1.2公里', '9:00-15:00，方便接送孩子'] }) reasons!: string[];
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchItemDto] }) items!: SearchItemDto[];
  @ApiProperty() page!: number;
  @ApiProperty() hasMore!: boolean;
}
