export {
  niceClassCategory,
  validateLocarnoClass,
  validateNiceClass,
} from './classification.ts'
export {
  type DivisionInfo,
  divisionDataSource,
  lookupDivision,
  type ValidateDivisionCodeOptions,
  validateDivisionCode,
} from './division.ts'
export { validateIpc } from './ipc.ts'
export { maskIdNumber, maskName, maskPhone } from './mask.ts'
export { type IdentifierMessageLanguage, identifierMessage } from './messages.ts'
export {
  computePatentCheckDigit,
  type ParsePatentOptions,
  type PatentApplicationNumber,
  type PatentApplicationType,
  parsePatentApplicationNumber,
  validatePatentApplicationNumber,
} from './patent.ts'
export { normaliseMobilePhone, validateMobilePhone, validatePhone } from './phone.ts'
export { isProvincePrefix } from './province.ts'
export {
  computeResidentIdCheckChar,
  residentIdFacts,
  type ValidateResidentIdOptions,
  validateResidentId,
} from './resident-id.ts'
export {
  currentDivisionCodeSchema,
  divisionCodeSchema,
  type IdentifierIssueParams,
  identifierIssueMessage,
  identifierSchema,
  ipcSchema,
  locarnoClassSchema,
  mobilePhoneSchema,
  niceClassSchema,
  patentApplicationNumberSchema,
  phoneSchema,
  residentIdSchema,
  usccSchema,
} from './schemas.ts'
export {
  type IdentifierFailure,
  type IdentifierFailureReason,
  type IdentifierKind,
  type IdentifierResult,
  identifierFailureReasons,
  identifierKinds,
} from './types.ts'
export {
  computeOrganizationCodeCheckChar,
  computeUsccCheckChar,
  parseUscc,
  USCC_CHARSET,
  type UsccDetails,
  validateUscc,
} from './uscc.ts'
