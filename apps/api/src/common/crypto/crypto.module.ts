import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config';
import { PiiCrypto } from './pii-crypto';

/** One PiiCrypto for the process, keyed from validated configuration. */
@Global()
@Module({
  providers: [
    {
      provide: PiiCrypto,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new PiiCrypto({
          encryptionKey: config.idEncryptionKey,
          previousEncryptionKeys: config.previousIdEncryptionKeys,
          hashKey: config.idHashKey,
        }),
    },
  ],
  exports: [PiiCrypto],
})
export class CryptoModule {}
