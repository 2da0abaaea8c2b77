import { HttpStatus, NotFoundException, InternalServerErrorException, type ValidationError } from '@nestjs/common';
import { AppException } from './app.exception';
import { CommonException } from './common-errors';
import { toErrorResponse } from './to-error-response';
import { validationException } from './validation';

describe('toErrorResponse', () => {
  it('sends an AppException as its code, Chinese message and status from the table', () => {
    const response = toErrorResponse(new AppException('DATABASE_UNAVAILABLE', '数据库暂时不可用'));
    expect(response).toEqual({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用' }, serverFault: true });
    expect(toErrorResponse(new CommonException('CONFLICT')).status).toBe(HttpStatus.CONFLICT);
  });

  it('maps a Nest HttpException by status and replaces its English message', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /secret-internals'))).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: '请求的内容不存在' },
      serverFault: false,
    });
    expect(toErrorResponse(new InternalServerErrorException('db password wrong')).body).toEqual({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' });
  });

  it('maps a library error carrying a 4xx statusCode (Fastify parsers)', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toErrorResponse(tooLarge)).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(toErrorResponse(Object.assign(new Error('x'), { statusCode: 415 }))).toMatchObject({ status: 415, body: { code: 'BAD_REQUEST' } });
  });

  it('answers 503 DATABASE_UNAVAILABLE when the database cannot be reached, however the driver says it', () => {
    const queryFailed = (driverError: object) => Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError, ...driverError });
    const unreachable = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'connect failed'), {}),
      queryFailed({ code: '57P01', message: 'terminating connection due to administrator command' }),
      queryFailed({ code: '57P03', message: 'the database system is starting up' }),
      queryFailed({ code: '08006', message: 'connection failure' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('wrapped'), { cause: new Error('Connection terminated due to connection timeout') }),
      // The connection of a transaction died between two statements: TypeORM released its runner.
      Object.assign(new Error('Database connection provided by a query runner was already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' }),
    ];
    for (const error of unreachable) {
      expect(toErrorResponse(error)).toEqual({ status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试' }, serverFault: true });
    }
    // A bad query is the server's fault, not an outage.
    expect(toErrorResponse(queryFailed({ code: '23505', message: 'duplicate key value' })).status).toBe(500);
    expect(toErrorResponse(queryFailed({ code: '57014', message: 'canceling statement due to statement timeout' })).status).toBe(500);
  });

  it('answers anything else with 500 INTERNAL and nothing of the error', () => {
    for (const error of [new TypeError('secret stack'), 'a string', null, Object.assign(new Error('x'), { statusCode: 502 })]) {
      const response = toErrorResponse(error);
      expect(response).toEqual({ status: 500, body: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' }, serverFault: true });
    }
  });
});

describe('validationException', () => {
  it('lists every failed rule of every field with its path, nested ones included', () => {
    const errors: ValidationError[] = [
      { property: 'extra', constraints: { whitelistValidation: 'property extra should not exist' }, children: [] },
      {
        property: 'address',
        children: [{ property: 'city', constraints: { isNotEmpty: '请填写城市' }, children: [] }],
      },
      // A decorator without a message: class-validator's English default is replaced.
      { property: 'name', constraints: { isString: 'name must be a string', maxLength: 'name must be shorter than or equal to 30 characters' }, children: [] },
      { property: 'body', constraints: { isObject: 'Validation failed (object is expected)' }, children: [] },
      { property: 'code', constraints: { somethingNew: 'code is odd' }, children: [] },
    ];
    const exception = validationException(errors);
    expect(exception.getStatus()).toBe(400);
    expect(exception.toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误，请检查后重试',
      details: [
        { field: 'extra', rule: 'whitelistValidation', message: '不支持该字段' },
        { field: 'address.city', rule: 'isNotEmpty', message: '请填写城市' },
        { field: 'name', rule: 'isString', message: '应为文字' },
        { field: 'name', rule: 'maxLength', message: '内容太长' },
        { field: 'body', rule: 'isObject', message: '请求内容应为 JSON 对象' },
        { field: 'code', rule: 'somethingNew', message: '格式不正确' },
      ],
    });
  });
});
