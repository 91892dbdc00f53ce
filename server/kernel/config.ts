import path from 'node:path'
import { z } from 'zod'

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

/** Every setting ZhiBao reads from the environment, with its default. Documented in README.md. */
const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier')
      .default('public'),
    DEMO_DATA: bool.optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: bool.optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),
    PUBLIC_URL: z.url().optional(),
    EVIDENCE_MAX_FILE_MB: z.coerce.number().positive().max(100_000).default(200),
    EVIDENCE_SIGNER_KEY: z.string().startsWith('PRIVATE+KEY+').optional(),
    EVIDENCE_LOG_ORIGIN: z
      .string()
      .regex(/^[^\s+]+$/)
      .optional(),
    /** Optional second (SM2, 国密) checkpoint signature: a `PRIVATE+KEY+…` string (docs/evidence-log.md §5.1). */
    EVIDENCE_SM2_KEY: z.string().startsWith('PRIVATE+KEY+').optional(),
    /** Where evidence blobs live: `local` (DATA_DIR/blobs) or an S3-compatible object store. */
    BLOB_STORE: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid bucket name')
      .optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()/-]*$/, "letters, digits and !_.*'()/- only")
      .default(''),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASS: z.string().min(1).optional(),
    SMTP_FROM: z.string().min(3).max(200).optional(),
  })
  // Cross-variable checks run even when another variable is bad, so every problem is reported at
  // once; a value that failed its own check is still the raw string here.
  .superRefine(
    (env, issue) => {
      const problem = (path: string, message: string) =>
        issue.addIssue({ code: 'custom', path: [path], message })
      if (env.BLOB_STORE === 's3' && !env.S3_BUCKET) problem('S3_BUCKET', 'is required when BLOB_STORE=s3')
      if (env.NODE_ENV === 'production' && env.DEMO_DATA === true)
        problem('DEMO_DATA', 'demo data (with its known passwords) is refused when NODE_ENV=production')
      const smtp = env.SMTP_URL !== undefined || env.SMTP_HOST !== undefined
      if (env.SMTP_URL && env.SMTP_HOST) problem('SMTP_HOST', 'set SMTP_URL or SMTP_HOST, not both')
      if (!smtp) {
        for (const name of ['SMTP_PORT', 'SMTP_USER', 'SMTP_PASS', 'SMTP_FROM'] as const)
          if (env[name] !== undefined) problem(name, 'needs SMTP_URL or SMTP_HOST')
        return
      }
      if (!env.SMTP_FROM) problem('SMTP_FROM', 'the sender address is required when SMTP is configured')
      else if (!/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(env.SMTP_FROM))
        problem('SMTP_FROM', 'must be an e-mail address, e.g. 知保 <noreply@example.org>')
      if ((env.SMTP_USER === undefined) !== (env.SMTP_PASS === undefined))
        problem(env.SMTP_USER ? 'SMTP_PASS' : 'SMTP_USER', 'SMTP_USER and SMTP_PASS go together')
    },
    { when: () => true },
  )
  .transform((env) => ({
    env: env.NODE_ENV,
    production: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databaseSchema: env.DATABASE_SCHEMA,
    demoData: env.DEMO_DATA ?? env.NODE_ENV !== 'production',
    sessionTtlHours: env.SESSION_TTL_HOURS,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginLockMinutes: env.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: env.LOGIN_RATE_PER_MINUTE,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    evidence: {
      maxFileBytes: Math.floor(env.EVIDENCE_MAX_FILE_MB * 1024 * 1024),
      signerKey: env.EVIDENCE_SIGNER_KEY,
      logOrigin: env.EVIDENCE_LOG_ORIGIN,
      sm2Key: env.EVIDENCE_SM2_KEY,
    },
    /** The evidence blob store; S3 credentials fall back to the SDK's usual sources when not set. */
    blobStore:
      env.BLOB_STORE === 's3'
        ? {
            kind: 's3' as const,
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET ?? '',
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID,
            secretAccessKey: env.S3_SECRET_ACCESS_KEY,
            forcePathStyle: env.S3_FORCE_PATH_STYLE,
            prefix: env.S3_PREFIX,
          }
        : { kind: 'local' as const },
    /** Outgoing e-mail (reminders, supervision notices); absent: in-app inbox only. */
    smtp:
      env.SMTP_URL || env.SMTP_HOST
        ? {
            url: env.SMTP_URL,
            host: env.SMTP_HOST,
            port: env.SMTP_PORT,
            user: env.SMTP_USER,
            pass: env.SMTP_PASS,
            from: env.SMTP_FROM!,
          }
        : undefined,
  }))

export type Config = Readonly<z.output<typeof configSchema>>

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/**
 * Builds the frozen configuration from environment variables, reporting every bad variable at once.
 * @example loadConfig({ PORT: '8080' }).port === 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = configSchema.safeParse(relevant)
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    )
  }
  return Object.freeze(result.data)
}
