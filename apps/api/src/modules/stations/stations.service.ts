import { Injectable } from '@nestjs/common';
import { regionLikePattern } from '@mamagang/domain';
import { CommonException } from '../../common/errors';
import { TransactionRunner } from '../../database/transaction';
import { RegionsRepository } from '../regions/regions.repository';
import { isOfficialFor, stationGrantsOf, type Principal } from '../users/principal';
import { UsersRepository } from '../users/users.repository';
import type { AssignWorkerDto, CreateStationDto, StationDto } from './dto/station.dto';
import { STATION_SERVICE_LABELS, type StationEntity } from './station.entity';
import { StationsException } from './stations.errors';
import { StationsRepository, type StationWorkerRow } from './stations.repository';

/** Stations and their workers: officials of a region create stations there and assign workers. */
@Injectable()
export class StationsService {
  constructor(
    private readonly stations: StationsRepository,
    private readonly regions: RegionsRepository,
    private readonly users: UsersRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async create(me: Principal, dto: CreateStationDto): Promise<StationDto> {
    if (!isOfficialFor(me, dto.regionCode)) throw new CommonException('FORBIDDEN', '只能在您负责的地区设立驿站');
    if (!(await this.regions.findByCode(dto.regionCode))) throw StationsException.regionUnknown();
    const rights = dto.rightsConsultationHours?.trim() || null;
    if (dto.services.includes('rights_consultation') && !rights) throw StationsException.rightsHoursRequired();
    const station = await this.stations.create({
      name: dto.name.trim(),
      regionCode: dto.regionCode,
      address: dto.address.trim(),
      lat: dto.location.lat,
      lng: dto.location.lng,
      openingHours: dto.openingHours.trim(),
      services: [...dto.services],
      rightsConsultationHours: rights,
      hasChildRoom: dto.hasChildRoom,
      createdBy: me.userId,
    });
    return toStationDto(station, []);
  }

  async assignWorker(me: Principal, stationId: string, dto: AssignWorkerDto): Promise<StationDto> {
    const station = await this.requireStation(stationId);
    if (!isOfficialFor(me, station.regionCode)) throw new CommonException('FORBIDDEN', '只能为您负责地区的驿站安排工作人员');
    if (!dto.userId === !dto.demoKey) throw new CommonException('VALIDATION_FAILED', '请提供 userId 或 demoKey 中的一个');
    const user = dto.userId ? await this.users.findById(dto.userId) : await this.users.findByDemoKey(dto.demoKey as string);
    if (!user) throw StationsException.workerUnknown();
    return this.tx.run(async (tx) => {
      await this.users.grant(user.id, { role: 'station_worker', stationId: station.id, regionCode: station.regionCode }, tx);
      return toStationDto(station, await this.stations.workersOf(station.id, tx));
    });
  }

  async list(regionCode: string | undefined): Promise<StationDto[]> {
    const rows = await this.stations.list(regionCode ? regionLikePattern(regionCode) : null);
    return rows.map((s) => toStationDto(s, null));
  }

  /** Public, with the workers for the station's own workers and the region's officials. */
  async get(me: Principal | null, stationId: string): Promise<StationDto> {
    const station = await this.requireStation(stationId);
    const insider = me !== null && (isOfficialFor(me, station.regionCode) || stationGrantsOf(me).some((g) => g.stationId === station.id));
    return toStationDto(station, insider ? await this.stations.workersOf(station.id) : null);
  }

  async requireStation(stationId: string): Promise<StationEntity> {
    const station = await this.stations.findById(stationId);
    if (!station) throw new CommonException('NOT_FOUND', '驿站不存在');
    return station;
  }
}

export function toStationDto(s: StationEntity, workers: StationWorkerRow[] | null): StationDto {
  return {
    id: s.id,
    name: s.name,
    regionCode: s.regionCode,
    address: s.address,
    location: { lat: s.lat, lng: s.lng },
    openingHours: s.openingHours,
    services: s.services.map((code) => ({ code, label: STATION_SERVICE_LABELS[code] ?? code })),
    rightsConsultationHours: s.rightsConsultationHours,
    hasChildRoom: s.hasChildRoom,
    ...(workers ? { workers } : {}),
  };
}
