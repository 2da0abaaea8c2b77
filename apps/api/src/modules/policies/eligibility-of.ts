import { assessMotherEligibility, type IsoDate, type MotherEligibility } from '@mamagang/domain';
import type { MotherFacts } from './subsidy-facts.repository';

/** Her eligibility and standings on a day, from what the mother record holds. */
export function eligibilityOf(mother: MotherFacts, on: IsoDate): MotherEligibility {
  return assessMotherEligibility({
    ...(mother.birthDate ? { birthDate: mother.birthDate } : {}),
    children: mother.children,
    now: on,
    ...(mother.registeredUnemployedSince ? { registeredUnemployedSince: mother.registeredUnemployedSince } : {}),
    employmentDifficulty: mother.employmentDifficulty,
    olderInDifficulty: mother.olderInDifficulty,
    outOfPoverty: mother.outOfPoverty,
  });
}
