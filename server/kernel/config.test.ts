import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).problems
  }
  throw new Error('loadConfig accepted a bad environment')
}

describe('loadConfig', () => {
  it('fills in the defaults and freezes the result', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      env: 'development',
      production: false,
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      demoData: true,
      sessionTtlHours: 12,
      cookieSecure: false,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      logLevel: 'info',
      trustProxy: false,
      publicUrl: 'http://localhost:3000',
    })
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('reads and converts the variables it is given, ignoring empty ones', () => {
    const config = loadConfig({ PORT: '8080', DEMO_DATA: '0', DATABASE_URL: 'postgresql://db/zb', HOST: '' })
    expect(config.port).toBe(8080)
    expect(config.demoData).toBe(false)
    expect(config.databaseUrl).toBe('postgresql://db/zb')
    expect(config.host).toBe('0.0.0.0')
  })

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://root@localhost/zhibao'],
    ['DEMO_DATA', 'maybe'],
  ])('throws a ConfigError naming %s when it is %s', (name, value) => {
    const problems = problemsOf({ [name]: value })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^${name}: `))
  })

  it('reports every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      DEMO_DATA: 'maybe',
      LOG_LEVEL: 'loud',
    })
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'DEMO_DATA',
      'LOG_LEVEL',
      'PORT',
    ])
    try {
      loadConfig({ PORT: 'abc', DEMO_DATA: 'maybe' })
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT[\s\S]*DEMO_DATA|DEMO_DATA[\s\S]*PORT/)
    }
  })

  it('refuses demo data in production, and defaults it off there', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DEMO_DATA: 'true' })
    expect(problems).toEqual([expect.stringMatching(/^DEMO_DATA: .*production/)])
    const production = loadConfig({ NODE_ENV: 'production' })
    expect(production.demoData).toBe(false)
    expect(production.cookieSecure).toBe(true)
  })

  it('reports checks across variables together with a bad single variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DEMO_DATA: 'true', BLOB_STORE: 's3', PORT: 'x' })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: /),
        expect.stringMatching(/^DEMO_DATA: .*production/),
        expect.stringMatching(/^S3_BUCKET: .*BLOB_STORE=s3/),
      ]),
    )
  })
})
