import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { STATION_SERVICE_CODES, type StationService } from '../station.entity';

export class LatLngDto {
  @ApiProperty({ example: 37.5015 })
  @IsLatitude({ message: '纬度不正确' })
  lat!: number;

  @ApiProperty({ example: 122.1235 })
  @IsLongitude({ message: '经度不正确' })
  lng!: number;
}

export class CreateStationDto {
  @ApiProperty({ example: '广州路社区妈妈岗驿站' })
  @IsString()
  @Length(2, 60, { message: '驿站名称为2-60个字' })
  name!: string;

  @ApiProperty({ example: '371002' })
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode!: string;

  @ApiProperty({ example: '环翠区广州路88号社区党群服务中心一楼' })
  @IsString()
  @Length(2, 200, { message: '地址为2-200个字' })
  address!: string;

  @ApiProperty({ type: LatLngDto })
  @IsDefined()
  @IsObject({ message: '格式不正确' })
  @ValidateNested()
  @Type(() => LatLngDto)
  location!: LatLngDto;

  @ApiProperty({ example: '周一至周五 8:30-12:00, 13:30-17:30' })
  @IsString()
  @MaxLength(200)
  openingHours!: string;

  @ApiProperty({ enum: STATION_SERVICE_CODES, isArray: true })
  @IsArray()
  @ArrayMaxSize(STATION_SERVICE_CODES.length)
  @ArrayUnique()
  @IsIn(STATION_SERVICE_CODES, { each: true, message: '服务项目不正确' })
  services!: StationService[];

  @ApiPropertyOptional({ example: '每周二、周四、周六上午，律师坐班' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  rightsConsultationHours?: string;

  @ApiProperty({ description: 'A child room during training' })
  @IsBoolean()
  hasChildRoom!: boolean;
}

export class AssignWorkerDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '用户编号不正确' })
  userId?: string;

  @ApiPropertyOptional({ example: 'worker-1' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  demoKey?: string;
}

export class ListStationsQueryDto {
  @ApiPropertyOptional({ example: '371000' })
  @IsOptional()
  @Matches(/^[1-9]\d{5}$/, { message: '地区代码应为6位数字' })
  regionCode?: string;
}

export class StationServiceDto {
  @ApiProperty({ enum: STATION_SERVICE_CODES }) code!: string;
  @ApiProperty() label!: string;
}

export class StationWorkerDto {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
}

export class StationDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: LatLngDto }) location!: LatLngDto;
  @ApiProperty() openingHours!: string;
  @ApiProperty({ type: [StationServiceDto] }) services!: StationServiceDto[];
  @ApiProperty({ nullable: true, type: String }) rightsConsultationHours!: string | null;
  @ApiProperty() hasChildRoom!: boolean;
  @ApiPropertyOptional({ type: [StationWorkerDto], description: 'Only for officials of the region and the station’s workers' })
  workers?: StationWorkerDto[];
}

export class ConsentNoticeDto {
  @ApiProperty() version!: string;
  @ApiProperty() title!: string;
  @ApiProperty() publishedOn!: string;
  @ApiProperty() text!: string;
}
