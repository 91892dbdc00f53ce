import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../server/modules/identity/passwords.ts'

const root = path.resolve(import.meta.dirname, '..')

// The CLI runs as a user would run it, `node bin/zhibao.mjs …`, on a SQLite file in a temporary
// DATA_DIR; its PostgreSQL code path is the kernel's, which the server tests cover on both dialects.
describe.skipIf(Boolean(process.env.DATABASE_URL))('zhibao CLI', () => {
  let dataDir: string
  const dbFile = () => path.join(dataDir, 'zhibao.db')
  const zhibao = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['bin/zhibao.mjs', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        NODE_ENV: 'development',
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
      },
      timeout: 60_000,
    })
    return { code: result.status, stdout: result.stdout, stderr: result.stderr }
  }
  const sqlite = () => new Database(dbFile())

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-cli-'))
    // The first run may rebuild dist/cli.mjs; do it once, outside the timed tests.
    expect(zhibao('help').code).toBe(0)
  }, 120_000)
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('lists its commands', () => {
    const help = zhibao('help')
    expect(help.code).toBe(0)
    for (const name of ['migrate', 'seed', 'create-user', 'audit verify', 'help'])
      expect(help.stdout).toContain(name)
    const unknown = zhibao('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command')
  })

  it('migrates an empty database, and again without changes', () => {
    const first = zhibao('migrate')
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('applied  0001_kernel')
    const second = zhibao('migrate')
    expect(second.stdout).toContain('already up to date')
    const db = sqlite()
    expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 0 })
    db.close()
  })

  it('seeds reference data without demo accounts when told --no-demo', () => {
    const result = zhibao('seed', '--no-demo')
    expect(result.code, result.stderr).toBe(0)
    const db = sqlite()
    expect(
      (db.prepare("select code from organizations where code = 'center'").get() as { code: string }).code,
    ).toBe('center')
    expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses an invalid user with a message per bad option and writes nothing', () => {
    const result = zhibao(
      'create-user',
      ...[
        '--username',
        'ops.lee',
        '--password',
        'short',
        '--name',
        '李运维',
        '--org',
        'center',
        '--role',
        'clerk,wizard',
      ],
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--password: The password needs at least 10 characters')
    expect(result.stderr).toContain('--role:')
    const unknownOrg = zhibao(
      'create-user',
      ...[
        '--username',
        'ops.lee',
        '--password',
        'long-enough-secret',
        '--name',
        '李运维',
        '--org',
        'nowhere',
        '--role',
        'clerk',
      ],
    )
    expect(unknownOrg.code).toBe(1)
    expect(unknownOrg.stderr).toContain('nowhere')
    expect(zhibao('create-user', '--username', 'x').code).toBe(2)
    const db = sqlite()
    expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 0 })
    db.close()
  })

  it('creates a staff user, audited as the CLI', async () => {
    const result = zhibao(
      'create-user',
      ...['--username', 'ops.lee', '--password', 'long-enough-secret', '--name', '李运维'],
      ...['--org', 'samr-gusu', '--role', 'officer,clerk'],
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('created user ops.lee')
    const db = sqlite()
    const user = db
      .prepare(
        `select u.id, u.status, u.display_name, u.password_hash, o.code as org from users u
         join organizations o on o.id = u.org_id where u.username = 'ops.lee'`,
      )
      .get() as { id: string; status: string; display_name: string; password_hash: string; org: string }
    expect(user).toMatchObject({ status: 'active', display_name: '李运维', org: 'samr-gusu' })
    expect(await verifyPassword(user.password_hash, 'long-enough-secret')).toBe(true)
    const roles = db.prepare('select role from user_roles where user_id = ? order by role').all(user.id)
    expect(roles).toEqual([{ role: 'clerk' }, { role: 'officer' }])
    const audit = db
      .prepare("select actor_label, actor_id, target_id from audit_log where action = 'user.create'")
      .all()
    expect(audit).toEqual([{ actor_label: 'cli', actor_id: null, target_id: user.id }])
    db.close()
    expect(
      zhibao(
        'create-user',
        ...['--username', 'ops.lee', '--password', 'long-enough-secret'],
        ...['--name', 'x', '--org', 'center', '--role', 'clerk'],
      ).code,
    ).toBe(1)
  })

  it('verifies the audit chain, and exits 1 naming the seq once a record is tampered with', () => {
    const ok = zhibao('audit', 'verify')
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/audit chain ok: 1 record/)

    const db = sqlite()
    db.prepare('update audit_log set after_json = \'{"username":"mallory"}\' where seq = 1').run()
    db.close()
    const broken = zhibao('audit', 'verify')
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('audit chain broken at seq 1: hash')
  })
})
