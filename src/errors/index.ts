// Public surface of the error vocabulary, shared by every layer but the engine (which never throws).

export { CodedError, codeOf, errorFields, toCodedError } from './coded-error.js';
export { type AnyErrorCode, ERROR_CODES, type ErrorCode, isErrorCode } from './codes.js';
