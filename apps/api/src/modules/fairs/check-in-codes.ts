import { Injectable } from '@nestjs/common';
import { checkInCodeDigits, checkInMacFromHex, formatCheckInCode, parseCheckInCode, type ParsedCheckInCode } from '@mamagang/domain';
import { PiiCrypto } from '../../common/crypto/pii-crypto';

export interface IssuedCode {
  /** For the screen: `000012-00007-4839203`. */
  text: string;
  /** The 18 digits, for a QR code. */
  digits: string;
  /** What is stored (`fair_signups.code_hash`). */
  hash: string;
}

/**
 * Check-in codes. The mark inside a code is a keyed hash (the API's hash key) of the fair and the
 * sign-up, so nobody without the key can make up a code for a sign-up number; the code is stored
 * only as another keyed hash, and found by it. The same fair and sign-up always give the same
 * code, so the mother's code can be shown again without storing it.
 */
@Injectable()
export class CheckInCodes {
  constructor(private readonly crypto: PiiCrypto) {}

  issue(fair: { id: string; fairNo: number }, signup: { id: string; seq: number }): IssuedCode {
    const mac = checkInMacFromHex(this.crypto.hash('checkin', `mark:${fair.id}:${signup.id}`));
    const parts = { fairNo: fair.fairNo, seq: signup.seq, mac };
    const digits = checkInCodeDigits(parts);
    return { text: formatCheckInCode(parts), digits, hash: this.hashOf(digits) };
  }

  parse(text: string): ParsedCheckInCode {
    return parseCheckInCode(text);
  }

  hashOf(digits: string): string {
    return this.crypto.hash('checkin', `code:${digits}`);
  }
}
