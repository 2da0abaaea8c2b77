import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { GroupBy } from '../monitoring.repository';

const GROUP_BYS: readonly GroupBy[] = ['district', 'type', 'stage'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class MonitoringQueryDto {
  @ApiPropertyOptional({ example: '2026-10-01', description: 'First day, China time; default 29 days before `to`' })
  @IsOptional()
  @Matches(ISO_DATE, { message: '开始日期格式应为YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-31', description: 'Last day, included; default today' })
  @IsOptional()
  @Matches(ISO_DATE, { message: '结束日期格式应为YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: '371000', description: 'Her region or one under it; default her first region' })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码为6位数字' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: GROUP_BYS })
  @IsOptional()
  @IsIn(GROUP_BYS, { message: '分组方式只能是district、type或stage' })
  groupBy?: GroupBy;
}

export class PostFiguresDto {
  @ApiProperty({ description: 'Created in the period' }) new!: number;
  @ApiProperty({ description: 'Open on some day of the period' }) open!: number;
}

export class DaysToEmploymentDto {
  @ApiProperty({ description: 'First hires starting in the period' }) hires!: number;
  @ApiProperty({ nullable: true, type: Number }) median!: number | null;
  @ApiProperty({ nullable: true, type: Number }) average!: number | null;
}

export class FollowUpFiguresDto {
  @ApiProperty() owed!: number;
  @ApiProperty() done!: number;
  @ApiProperty({ nullable: true, type: Number, description: '0..1' }) rate!: number | null;
}

export class SubsidyFiguresDto {
  @ApiProperty() claimed!: number;
  @ApiProperty() claimedAmount!: number;
  @ApiProperty({ description: 'Approved in the period' }) paid!: number;
  @ApiProperty() paidAmount!: number;
}

export class QualityFiguresDto {
  @ApiProperty({ description: 'New posts judged' }) posts!: number;
  @ApiProperty() labourContract!: number;
  @ApiProperty({ nullable: true, type: Number }) labourContractShare!: number | null;
  @ApiProperty() socialInsurance!: number;
  @ApiProperty({ nullable: true, type: Number }) socialInsuranceShare!: number | null;
  @ApiProperty() wageChecked!: number;
  @ApiProperty() meetsMinimumWage!: number;
  @ApiProperty({ nullable: true, type: Number }) meetsMinimumWageShare!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Average hourly_min / hourly minimum wage' }) payToMinimumWage!: number | null;
}

export class TrainingFiguresDto {
  @ApiProperty() signUps!: number;
  @ApiProperty() attended!: number;
  @ApiProperty({ nullable: true, type: Number }) attendanceRate!: number | null;
}

export class FairFiguresDto {
  @ApiProperty({ description: 'Fairs held (published, dated in the period)' }) fairs!: number;
  @ApiProperty({ description: 'Sign-ups to those fairs, not cancelled (walk-ins apart)' }) signUps!: number;
  @ApiProperty({ description: 'Mothers registered at the door' }) walkIns!: number;
  @ApiProperty() checkIns!: number;
  @ApiProperty({ description: 'Applications made in the period from a fair' }) fairApplications!: number;
  @ApiProperty({ description: 'Hires starting in the period whose application came from a fair' }) fairHires!: number;
  @ApiProperty({ description: 'Livestreams scheduled in the period' }) livestreams!: number;
  @ApiProperty({ description: 'Applications made in the period from a livestream' }) livestreamApplications!: number;
  @ApiProperty() livestreamHires!: number;
}

export class FiguresDto {
  @ApiProperty({ type: PostFiguresDto }) posts!: PostFiguresDto;
  @ApiProperty() applications!: number;
  @ApiProperty() applicants!: number;
  @ApiProperty() hires!: number;
  @ApiProperty({ type: DaysToEmploymentDto }) daysToEmployment!: DaysToEmploymentDto;
  @ApiProperty({ type: FollowUpFiguresDto, nullable: true }) followUp!: FollowUpFiguresDto | null;
  @ApiProperty({ type: SubsidyFiguresDto, nullable: true }) subsidies!: SubsidyFiguresDto | null;
  @ApiProperty({ type: QualityFiguresDto }) quality!: QualityFiguresDto;
  @ApiProperty({ type: TrainingFiguresDto, nullable: true }) training!: TrainingFiguresDto | null;
  @ApiProperty({ type: FairFiguresDto, nullable: true, description: 'Null by post type and by stage' }) fairs!: FairFiguresDto | null;
}

export class MonitoringGroupDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
}

export class MonitoringReportDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ enum: GROUP_BYS, nullable: true, type: String }) groupBy!: GroupBy | null;
  @ApiProperty({ type: FiguresDto }) totals!: FiguresDto;
  @ApiProperty({ type: [MonitoringGroupDto] }) groups!: MonitoringGroupDto[];
}
