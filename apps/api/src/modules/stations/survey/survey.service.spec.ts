import { POST_TYPE_CODES, WORKING_MODE_CODES } from '@mamagang/domain';
import { StationsException } from '../stations.errors';
import { NEEDS_SURVEY_V1, TRAINING_NEED_CODES, questionCount } from './needs-survey.v1';
import { checkAnswers } from './survey.service';

const REQUIRED = { A1: 'senior', A3: 'unemployed', B1: 2, B2: 'kindergarten', E1: 'yes' };

describe('needs survey v1', () => {
  it('has Zoucheng’s 48 questions in 5 parts, with unique ids', () => {
    expect(questionCount(NEEDS_SURVEY_V1)).toBe(48);
    expect(NEEDS_SURVEY_V1.sections.map((s) => s.code)).toEqual(['personal', 'family', 'work_mode', 'field', 'training']);
    const ids = NEEDS_SURVEY_V1.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['wantedTypes', POST_TYPE_CODES as readonly string[]],
    ['wantedModes', WORKING_MODE_CODES as readonly string[]],
    ['trainingNeeds', TRAINING_NEED_CODES],
  ])('the question feeding %s offers only the codes matching knows', (feed, codes) => {
    const q = NEEDS_SURVEY_V1.sections.flatMap((s) => s.questions).find((x) => x.feeds === feed);
    expect(q?.options?.length).toBeGreaterThan(0);
    for (const o of q?.options ?? []) expect(codes).toContain(o.value);
  });
});

describe('checkAnswers', () => {
  it('keeps valid answers and turns the feeding ones into preferences', () => {
    const r = checkAnswers(NEEDS_SURVEY_V1, { ...REQUIRED, A6: ['sewing', 'sewing'], C1: ['take_home'], C7: 24.5, D1: ['handicraft'], E2: ['cooking'], E10: ' 谢谢 ' });
    expect(r.answers).toMatchObject({ A6: ['sewing'], E10: '谢谢' });
    expect(r.preferences).toEqual({ addSkills: ['缝纫'], wantedModes: ['take_home'], desiredHourly: 24.5, wantedTypes: ['handicraft'], trainingNeeds: ['cooking'] });
    expect(r.trainingNeeds).toEqual(['cooking']);
  });

  it('skips empty answers of optional questions', () => {
    expect(checkAnswers(NEEDS_SURVEY_V1, { ...REQUIRED, A2: '', A7: null }).answers).toEqual(REQUIRED);
  });

  it.each([
    ['an unknown question', { Z1: 'x' }, 'answers.Z1', 'unknownQuestion'],
    ['an option not offered', { A1: 'phd' }, 'answers.A1', 'single'],
    ['a single answer given as a list', { A1: ['senior'] }, 'answers.A1', 'single'],
    ['a multi answer with an unknown value', { C1: ['take_home', 'night_shift'] }, 'answers.C1', 'multi'],
    ['more choices than allowed', { D4: ['pay', 'time', 'distance', 'insurance'] }, 'answers.D4', 'multi'],
    ['a number out of range', { B1: 11 }, 'answers.B1', 'number'],
    ['a number as text', { C7: '25' }, 'answers.C7', 'number'],
    ['a text too long', { E10: '字'.repeat(501) }, 'answers.E10', 'text'],
  ])('refuses %s', (_label, bad, field, rule) => {
    try {
      checkAnswers(NEEDS_SURVEY_V1, { ...REQUIRED, ...bad });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(StationsException);
      expect((error as StationsException).code).toBe('SURVEY_ANSWERS_INVALID');
      expect((error as StationsException).details).toEqual([expect.objectContaining({ field, rule })]);
    }
  });

  it('lists every required question left unanswered', () => {
    try {
      checkAnswers(NEEDS_SURVEY_V1, {});
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as StationsException).details?.map((d) => d.field)).toEqual(['answers.A1', 'answers.A3', 'answers.B1', 'answers.B2', 'answers.E1']);
    }
  });
});
