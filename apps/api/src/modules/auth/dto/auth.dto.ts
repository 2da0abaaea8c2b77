import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';

export class WechatSignInDto {
  @ApiProperty({ description: 'The code from wx.login()' })
  @IsString()
  @Length(1, 128)
  code!: string;
}

export class DevSignInDto {
  @ApiProperty({ example: 'mother-1' })
  @IsString()
  @Length(1, 64)
  demoKey!: string;
}

export class WechatPhoneDto {
  @ApiProperty({ description: 'The code from a getPhoneNumber button' })
  @IsString()
  @Length(1, 128)
  code!: string;
}

export class SendPhoneCodeDto {
  @ApiProperty({ example: '13812345678' })
  @IsString()
  @MaxLength(20)
  phone!: string;
}

export class VerifyPhoneCodeDto {
  @ApiProperty({ example: '13812345678' })
  @IsString()
  @MaxLength(20)
  phone!: string;

  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: '验证码为6位数字' })
  code!: string;
}

export class SessionDto {
  @ApiProperty() token!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() userId!: string;
}

export class PhoneBoundDto {
  @ApiProperty({ example: '138****5678' }) phoneMasked!: string;
  @ApiPropertyOptional({ nullable: true, description: 'A station registration joined to this account', type: String })
  linkedMotherId!: string | null;
}

export class PhoneCodeSentDto {
  @ApiProperty({ description: 'Whether an SMS really left the system' }) sent!: boolean;
  @ApiPropertyOptional({ description: 'Only with the development sign-in and no SMS gateway' }) devCode?: string;
}

export class RoleGrantDto {
  @ApiProperty({ enum: ['mother', 'employer_member', 'station_worker', 'official'] }) role!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) employerId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) stationId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) regionCode!: string | null;
}

export class MeDto {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) phoneMasked!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) motherId!: string | null;
  @ApiProperty({ type: [RoleGrantDto] }) roles!: RoleGrantDto[];
}

export class DemoUserDto {
  @ApiProperty() demoKey!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
}
