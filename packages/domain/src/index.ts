/**
 * @mamagang/domain: the pure rules of 妈妈岗. No framework, no I/O, no clock: `now` (an ISO
 * date 'YYYY-MM-DD') and ids are always parameters.
 */
export * from './dates';
export * from './catalogue';
export * from './eligibility';
export * from './validators';
export * from './pay';
export * from './schedule';
export * from './followup';
export * from './policy';
export * from './matching';
export * from './regions';
export * from './geo';
export * from './contract-terms';
export * from './applications';
export * from './training';
export * from './claims';
export * from './policy-data';
export * from './fraud';
export * from './rights';
export * from './fairs';
export * from './sharing';
