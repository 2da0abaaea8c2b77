import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

export class SubmitSurveyDto {
  @ApiProperty({ example: 'needs-v1' })
  @IsString()
  @Length(1, 40)
  version!: string;

  @ApiProperty({
    type: Object,
    example: { A1: 'senior', B1: 2, C1: ['take_home'], E2: ['handicraft'] },
    description: 'Question id → option value (single), option values (multi), number or text; checked against the version',
  })
  @IsObject()
  answers!: Record<string, unknown>;
}

export class TrainingNeedsQueryDto {
  @ApiPropertyOptional({ example: '371000', description: "Defaults to the caller's region" })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

export class SurveyDto {
  @ApiProperty() version!: string;
  @ApiProperty() title!: string;
  @ApiProperty() questionCount!: number;
  @ApiProperty({ type: Object, description: 'sections → questions → options' }) definition!: Record<string, unknown>;
}

export class SurveyAnswerDto {
  @ApiProperty() id!: string;
  @ApiProperty() motherId!: string;
  @ApiProperty() version!: string;
  @ApiProperty() answeredAt!: string;
  @ApiProperty({ type: [String], description: 'Preferences of hers that the answers updated' }) updated!: string[];
}

export class TrainingNeedFigureDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Mothers whose latest survey names it' }) mothers!: number;
}

export class TrainingNeedsDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty({ description: 'Mothers with at least one survey in the region' }) surveyed!: number;
  @ApiProperty({ type: [TrainingNeedFigureDto] }) needs!: TrainingNeedFigureDto[];
}
