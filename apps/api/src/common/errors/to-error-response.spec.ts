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
    ];
    const exception = validationException(errors);
    expect(exception.getStatus()).toBe(400);
    expect(exception.toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误，请检查后重试',
      details: [
        { field: 'extra', rule: 'whitelistValidation', message: '不支持该字段' },
        { field: 'address.city', rule: 'isNotEmpty', message: '请填写城市' },
      ],
    });
  });
});
