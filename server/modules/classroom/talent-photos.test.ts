import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('png body'),
])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg body')])

function multipart(file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----zhibao${Math.random().toString(16).slice(2)}`
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

describe('talent photos', () => {
  let t: TestApp
  let clerk: Session
  let dataDir: string

  /** Every photo file in the store (staging included): what "nothing stored" means. */
  const storedFiles = () => {
    const root = path.join(dataDir, 'talent-photos')
    return fs.existsSync(root)
      ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length
      : 0
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhibao-talent-'))
    t = await createTestApp({ env: { DATA_DIR: dataDir } })
    clerk = await t.login('clerk')
  })
  afterAll(async () => {
    await t.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('takes a JPEG/PNG/WebP photo of a consented profile, shows it publicly, and deletes it on withdrawal', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/talent/profiles',
      as: clerk,
      payload: {
        kind: 'expert',
        name: '孙雅琴',
        organization: '苏州大学',
        ipcSections: ['C'],
        topics: ['医药专利'],
      },
    })
    const id = created.json().id as string
    const upload = (file: { name: string; type: string; bytes: Buffer }, lang = 'zh-CN') => {
      const body = multipart(file)
      return t.request({
        method: 'POST',
        url: `/api/talent/profiles/${id}/photo`,
        as: clerk,
        payload: body.payload,
        headers: { ...body.headers, 'accept-language': lang },
      })
    }

    // Without consent there is nothing to show a photo on.
    expect((await upload({ name: 'a.png', type: 'image/png', bytes: PNG })).json().code).toBe(
      'talent_consent_required',
    )
    await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${id}/consent`,
      as: clerk,
      payload: { scope: 'profile', note: '书面同意' },
    })

    const fake = await upload({
      name: 'a.png',
      type: 'image/png',
      bytes: Buffer.from('%PDF-1.7 not an image'),
    })
    expect(fake.statusCode).toBe(415)
    expect(fake.json()).toMatchObject({ code: 'talent_photo_type', title: '照片须为 JPEG、PNG 或 WebP 图片' })
    const gif = await upload({ name: 'a.gif', type: 'image/gif', bytes: Buffer.from('GIF89a....') }, 'en')
    expect(gif.statusCode).toBe(415)
    expect(gif.json().title).toBe('A photo must be a JPEG, PNG or WebP image')
    const big = await upload({
      name: 'big.png',
      type: 'image/png',
      bytes: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]),
    })
    expect(big.statusCode).toBe(413)
    expect(big.json().code).toBe('talent_photo_too_large')
    expect(storedFiles()).toBe(0)
    expect((await t.request({ method: 'GET', url: `/api/talent/profiles/${id}` })).json().photoUrl).toBeNull()

    const png = await upload({ name: 'sun.png', type: 'image/png', bytes: PNG })
    expect(png.statusCode, png.body).toBe(200)
    const photoUrl = png.json().photoUrl as string
    expect(photoUrl).toMatch(new RegExp(`^/api/talent/profiles/${id}/photo\\?v=[0-9a-f]{12}$`))
    const shown = await t.request({ method: 'GET', url: photoUrl })
    expect(shown.statusCode).toBe(200)
    expect(shown.headers['content-type']).toBe('image/png')
    expect(shown.rawPayload.equals(PNG)).toBe(true)
    const listed = (await t.request({ method: 'GET', url: '/api/talent/profiles?pageSize=200' })).json()
      .items as {
      id: string
      photoUrl: string | null
    }[]
    expect(listed.find((p) => p.id === id)?.photoUrl).toBe(photoUrl)

    // A replacement takes the old bytes away.
    expect((await upload({ name: 'sun.jpg', type: 'image/jpeg', bytes: JPEG })).statusCode).toBe(200)
    expect(storedFiles()).toBe(1)
    const officer = await t.login('officer')
    expect(
      (await t.request({ method: 'DELETE', url: `/api/talent/profiles/${id}/photo`, as: officer }))
        .statusCode,
    ).toBe(403)

    const withdrawn = await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${id}/consent/withdrawal`,
      as: clerk,
    })
    expect(withdrawn.statusCode, withdrawn.body).toBe(200)
    expect(withdrawn.json().photoUrl).toBeNull()
    expect((await t.request({ method: 'GET', url: `/api/talent/profiles/${id}/photo` })).statusCode).toBe(404)
    expect(storedFiles()).toBe(0)
    const audit = (
      await t.request({
        method: 'GET',
        url: `/api/audit?targetId=${id}&pageSize=50`,
        as: await t.login('admin'),
      })
    ).json().items as { action: string }[]
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['talent.photo.set', 'talent.consent.withdraw']),
    )
  })

  it('removes a photo on request', async () => {
    const profile = (await t.request({ method: 'GET', url: '/api/talent/profiles?pageSize=1' })).json()
      .items[0] as {
      id: string
    }
    const set = await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${profile.id}/photo`,
      as: clerk,
      ...multipart({
        name: 'p.webp',
        type: 'image/webp',
        bytes: Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '),
      }),
    })
    expect(set.statusCode, set.body).toBe(200)
    expect(storedFiles()).toBe(1)
    const removed = await t.request({
      method: 'DELETE',
      url: `/api/talent/profiles/${profile.id}/photo`,
      as: clerk,
    })
    expect(removed.json().photoUrl).toBeNull()
    expect(storedFiles()).toBe(0)
  })
})
