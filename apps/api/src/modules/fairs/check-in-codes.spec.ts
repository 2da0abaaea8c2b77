import { randomBytes } from 'node:crypto';
import { parseCheckInCode } from '@mamagang/domain';
import { PiiCrypto } from '../../common/crypto/pii-crypto';
import { CheckInCodes } from './check-in-codes';

const FAIR = { id: '7d1f7a4e-2d39-4a43-9c55-3f0d3b6a1c01', fairNo: 12 };
const OTHER_FAIR = { id: '0b5a2f10-8c1e-4a57-b1f8-5e9a7c2d4e02', fairNo: 13 };
const SIGNUP = { id: '5c6d7e8f-1a2b-4c3d-8e9f-0a1b2c3d4e5f', seq: 7 };

describe('CheckInCodes', () => {
  // Fixed keys: the marks compared below are then the same on every run.
  const hashKey = Buffer.alloc(32, 7);
  const codes = new CheckInCodes(new PiiCrypto({ encryptionKey: randomBytes(32), hashKey }));

  it('gives the same code for the same fair and sign-up, so it can be shown again without being stored', () => {
    expect(codes.issue(FAIR, SIGNUP)).toEqual(codes.issue(FAIR, SIGNUP));
  });

  it('puts the fair number and the sign-up number in the code, and stores only a hash', () => {
    const code = codes.issue(FAIR, SIGNUP);
    const parsed = parseCheckInCode(code.text);
    expect(parsed.ok && parsed.parts.fairNo).toBe(12);
    expect(parsed.ok && parsed.parts.seq).toBe(7);
    expect(code.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(code.hash).not.toContain(code.digits);
    expect(codes.hashOf(code.digits)).toBe(code.hash);
  });

  it.each([
    ['another sign-up at the same fair', FAIR, { ...SIGNUP, id: 'aaaaaaaa-1a2b-4c3d-8e9f-0a1b2c3d4e5f' }],
    ['the same numbers at another fair', { ...OTHER_FAIR, fairNo: 12 }, SIGNUP],
  ])('marks %s differently, so numbers alone do not make a code', (_name, fair, signup) => {
    expect(codes.issue(fair, signup).digits.slice(11, 17)).not.toBe(codes.issue(FAIR, SIGNUP).digits.slice(11, 17));
  });

  it('depends on the key: another deployment cannot make this deployment’s codes', () => {
    const other = new CheckInCodes(new PiiCrypto({ encryptionKey: randomBytes(32), hashKey: Buffer.alloc(32, 8) }));
    expect(other.issue(FAIR, SIGNUP).hash).not.toBe(codes.issue(FAIR, SIGNUP).hash);
  });
});
