import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { FOLLOW_UP_KIND_LABELS, isoDateInChina } from '@mamagang/domain';
import { Clock } from '../../common/clock/clock';
import { CommonException } from '../../common/errors';
import type { Principal } from '../users/principal';
import { PersonalDataAccessLog } from '../privacy/personal-data-access-log';
import { TRAINING_NEED_OPTIONS } from '../stations/survey/needs-survey.v1';
import { SERVICE_CHANNEL_LABELS, type ServiceChannel } from './dto/followup.dto';
import { FollowUpException } from './followup.errors';
import { FollowUpRepository } from './followup.repository';
import { FollowUpService } from './followup.service';

const TRAINING_LABELS = new Map(TRAINING_NEED_OPTIONS.map((o) => [o.value, o.label]));

/** China time, to the minute: what a worker wrote on the paper ledger. */
function chinaDateTime(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/**
 * A station's monthly ledger (台账) as a spreadsheet: the month's registrations and the month's
 * 12333 services, ID numbers masked. The month is a China calendar month.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly repo: FollowUpRepository,
    private readonly followUp: FollowUpService,
    private readonly clock: Clock,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  async stationLedger(me: Principal, stationId: string, month: string): Promise<{ filename: string; body: Buffer }> {
    const station = await this.repo.findStation(stationId);
    if (!station) throw new CommonException('NOT_FOUND', '驿站不存在');
    if (!this.followUp.canOverseeRegion(me, station.regionCode)) throw new CommonException('FORBIDDEN');
    if (month > isoDateInChina(this.clock.now()).slice(0, 7)) throw FollowUpException.monthInvalid();
    const [year, m] = month.split('-').map(Number) as [number, number];
    const from = new Date(`${month}-01T00:00:00+08:00`);
    const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
    const to = new Date(`${next}-01T00:00:00+08:00`);
    const [registrations, services] = await Promise.all([
      this.repo.ledgerRegistrations(stationId, from, to),
      this.repo.ledgerServices(stationId, from, to),
    ]);
    await this.accessLog.record(me, {
      subjects: [...registrations.map((r) => r.motherId), ...services.map((s) => s.motherId)],
      action: 'followup.ledger',
      route: 'GET /api/stations/:id/ledger.xlsx',
      regionCode: station.regionCode,
    });

    const book = new ExcelJS.Workbook();
    book.creator = '妈妈岗';
    book.created = this.clock.now();

    const reg = book.addWorksheet('求职登记');
    reg.columns = [
      { header: '序号', key: 'n', width: 6 },
      { header: '登记时间', key: 'at', width: 18 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '身份证号', key: 'id', width: 22 },
      { header: '手机号', key: 'phone', width: 14 },
      { header: '地区代码', key: 'region', width: 10 },
      { header: '孩子数', key: 'children', width: 8 },
      { header: '最小孩子出生年月', key: 'youngest', width: 16 },
      { header: '失业登记日期', key: 'unemployed', width: 14 },
      { header: '培训需求', key: 'training', width: 24 },
      { header: '登记人', key: 'worker', width: 10 },
      { header: '告知书版本', key: 'consent', width: 14 },
      { header: '同意时间', key: 'consentAt', width: 18 },
    ];
    registrations.forEach((r, i) =>
      reg.addRow({
        n: i + 1,
        at: chinaDateTime(r.registeredAt),
        name: r.name,
        id: r.idMasked ?? '',
        phone: r.phoneMasked ?? '',
        region: r.regionCode,
        children: r.childrenCount,
        youngest: r.youngestBirth ?? '',
        unemployed: r.registeredUnemployedSince ?? '',
        training: r.trainingNeeds.map((t) => TRAINING_LABELS.get(t) ?? t).join('、'),
        worker: r.workerName ?? '',
        consent: r.consentVersion ?? '',
        consentAt: r.consentAt ? chinaDateTime(r.consentAt) : '',
      }),
    );

    const svc = book.addWorksheet('12333服务记录');
    svc.columns = [
      { header: '序号', key: 'n', width: 6 },
      { header: '服务时间', key: 'at', width: 18 },
      { header: '姓名', key: 'name', width: 10 },
      { header: '身份证号', key: 'id', width: 22 },
      { header: '服务类型', key: 'kind', width: 16 },
      { header: '第几次', key: 'seq', width: 8 },
      { header: '服务方式', key: 'channel', width: 10 },
      { header: '服务内容', key: 'content', width: 40 },
      { header: '推荐岗位', key: 'posts', width: 30 },
      { header: '服务结果', key: 'outcome', width: 30 },
      { header: '服务人', key: 'worker', width: 10 },
    ];
    services.forEach((s, i) => {
      const posts = Array.isArray(s.details.posts) ? (s.details.posts as { title: string; employerName: string }[]) : [];
      svc.addRow({
        n: i + 1,
        at: chinaDateTime(s.servedAt),
        name: s.name,
        id: s.idMasked ?? '',
        kind: FOLLOW_UP_KIND_LABELS[s.kind],
        seq: s.seq ?? '额外',
        channel: SERVICE_CHANNEL_LABELS[s.channel as ServiceChannel] ?? s.channel,
        content: s.content,
        posts: posts.map((p) => `${p.employerName}：${p.title}`).join('；'),
        outcome: s.outcome,
        worker: s.workerName ?? '',
      });
    });
    for (const sheet of [reg, svc]) {
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    const body = Buffer.from(await book.xlsx.writeBuffer());
    return { filename: `ledger-${month}.xlsx`, body };
  }
}
