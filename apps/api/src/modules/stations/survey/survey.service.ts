import { Injectable } from '@nestjs/common';
import { isRegionCode, regionCovers, regionLikePattern } from '@mamagang/domain';
import { Clock } from '../../../common/clock/clock';
import { CommonException, type FieldError } from '../../../common/errors';
import { TransactionRunner } from '../../../database/transaction';
import { isOfficialFor, isStationWorkerFor, officialRegionsOf, stationGrantsOf, type Principal } from '../../users/principal';
import type { SubmitSurveyDto, SurveyAnswerDto, SurveyDto, TrainingNeedsDto } from '../dto/survey.dto';
import { RegistrationsRepository } from '../registrations.repository';
import { StationsException } from '../stations.errors';
import { TRAINING_NEED_OPTIONS, type SurveyDefinition, type SurveyQuestion } from './needs-survey.v1';
import { SurveyRepository, type PreferenceUpdate } from './survey.repository';

const TEXT_MAX = 500;

/**
 * The needs survey: published versions are data (table survey_versions); answers are checked
 * against their version, stored, and fill in her matching preferences and the region's
 * training-needs figures.
 */
@Injectable()
export class SurveyService {
  constructor(
    private readonly repo: SurveyRepository,
    private readonly mothers: RegistrationsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<SurveyDto> {
    const v = await this.repo.findActive();
    if (!v) throw new CommonException('NOT_FOUND', '暂无需求调查问卷');
    return { version: v.version, title: v.title, questionCount: v.questionCount, definition: v.definition as unknown as Record<string, unknown> };
  }

  async submit(me: Principal, motherId: string, dto: SubmitSurveyDto): Promise<SurveyAnswerDto> {
    const mother = await this.mothers.findStationMother(motherId);
    if (!mother || !isStationWorkerFor(me, mother.regionCode)) throw new CommonException('NOT_FOUND', '没有找到这位妈妈的登记信息');
    const version = await this.repo.findVersion(dto.version);
    if (!version) throw StationsException.surveyVersionUnknown(dto.version);
    const { answers, preferences, trainingNeeds } = checkAnswers(version.definition, dto.answers);
    const station = stationGrantsOf(me).find((g) => regionCovers(g.regionCode, mother.regionCode));
    const answeredAt = this.clock.now();
    const id = await this.tx.run(async (tx) => {
      const answerId = await this.repo.insertAnswer(
        {
          motherId,
          version: version.version,
          answers,
          trainingNeeds,
          regionCode: mother.regionCode,
          stationId: station?.stationId ?? null,
          recordedBy: me.userId,
          answeredAt,
        },
        tx,
      );
      await this.repo.updatePreferences(motherId, preferences, tx);
      return answerId;
    });
    return {
      id,
      motherId,
      version: version.version,
      answeredAt: answeredAt.toISOString(),
      updated: Object.keys(preferences).filter((k) => preferences[k as keyof PreferenceUpdate] !== undefined),
    };
  }

  async trainingNeeds(me: Principal, regionCode: string | undefined): Promise<TrainingNeedsDto> {
    const region = regionCode ?? stationGrantsOf(me)[0]?.regionCode ?? officialRegionsOf(me)[0];
    if (!region || !isRegionCode(region)) throw new CommonException('FORBIDDEN');
    if (!isOfficialFor(me, region) && !isStationWorkerFor(me, region)) throw new CommonException('FORBIDDEN');
    const { surveyed, counts } = await this.repo.trainingNeeds(regionLikePattern(region));
    return {
      regionCode: region,
      surveyed,
      needs: TRAINING_NEED_OPTIONS.map((o) => ({ code: o.value, label: o.label, mothers: counts.get(o.value) ?? 0 }))
        .filter((n) => n.mothers > 0)
        .sort((a, b) => b.mothers - a.mothers),
    };
  }
}

/** Every answer against its question; unknown questions and missing required ones are refused. */
export function checkAnswers(
  definition: SurveyDefinition,
  raw: Record<string, unknown>,
): { answers: Record<string, unknown>; preferences: PreferenceUpdate; trainingNeeds: string[] } {
  const questions = new Map<string, SurveyQuestion>();
  for (const s of definition.sections) for (const q of s.questions) questions.set(q.id, q);
  const problems: FieldError[] = [];
  const answers: Record<string, unknown> = {};
  const preferences: PreferenceUpdate = {};
  let trainingNeeds: string[] = [];

  for (const [key, value] of Object.entries(raw)) {
    const q = questions.get(key);
    if (!q) {
      problems.push({ field: `answers.${key}`, rule: 'unknownQuestion', message: `问卷中没有第${key}题` });
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const bad = (message: string) => problems.push({ field: `answers.${key}`, rule: q.type, message: `第${key}题：${message}` });
    const allowed = new Set((q.options ?? []).map((o) => o.value));
    switch (q.type) {
      case 'single':
        if (typeof value !== 'string' || !allowed.has(value)) bad('请从选项中选择一项');
        else answers[key] = value;
        break;
      case 'multi': {
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !allowed.has(v))) {
          bad('请从选项中选择');
          break;
        }
        const picked = [...new Set(value as string[])];
        if (q.max !== undefined && picked.length > q.max) {
          bad(`最多选${q.max}项`);
          break;
        }
        answers[key] = picked;
        break;
      }
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value) || (q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
          bad(`请填写${q.min ?? 0}到${q.max ?? ''}之间的数字`);
        } else answers[key] = value;
        break;
      default:
        if (typeof value !== 'string' || value.length > (q.max ?? TEXT_MAX)) bad(`请填写不超过${q.max ?? TEXT_MAX}个字的文字`);
        else answers[key] = value.trim();
    }
    if (answers[key] === undefined || !q.feeds) continue;
    switch (q.feeds) {
      case 'wantedTypes':
        preferences.wantedTypes = answers[key] as string[];
        break;
      case 'wantedModes':
        preferences.wantedModes = answers[key] as string[];
        break;
      case 'trainingNeeds':
        trainingNeeds = answers[key] as string[];
        preferences.trainingNeeds = trainingNeeds;
        break;
      case 'desiredHourly':
        preferences.desiredHourly = answers[key] as number;
        break;
      case 'skills': {
        const labels = new Map((q.options ?? []).map((o) => [o.value, o.label]));
        preferences.addSkills = (answers[key] as string[]).map((v) => labels.get(v) ?? v);
        break;
      }
    }
  }
  for (const q of questions.values()) {
    if (q.required && answers[q.id] === undefined && !problems.some((p) => p.field === `answers.${q.id}`)) {
      problems.push({ field: `answers.${q.id}`, rule: 'required', message: `第${q.id}题为必答题` });
    }
  }
  if (problems.length > 0) throw StationsException.surveyAnswersInvalid(problems);
  return { answers, preferences, trainingNeeds };
}
