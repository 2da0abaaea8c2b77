import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

/**
 * One weekly time window (`{ day: 1, start: '09:00', end: '15:00' }`) as a post's hours and a
 * mother's free time are both stated; the domain's parseWindows checks order and overlaps.
 */
export class WeeklyWindowDto {
  @ApiProperty({ example: 1, description: 'ISO weekday, Monday = 1, Sunday = 7' })
  @IsInt({ message: '星期应为1到7' })
  @Min(1, { message: '星期应为1到7' })
  @Max(7, { message: '星期应为1到7' })
  day!: 1 | 2 | 3 | 4 | 5 | 6 | 7;

  @ApiProperty({ example: '09:00' })
  @IsString()
  @Matches(/^\d{1,2}:\d{2}$/, { message: '时间格式应为“时:分”，如 09:00' })
  start!: string;

  @ApiProperty({ example: '15:00' })
  @IsString()
  @Matches(/^\d{1,2}:\d{2}$/, { message: '时间格式应为“时:分”，如 15:00' })
  end!: string;
}
