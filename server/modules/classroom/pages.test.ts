import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, type TestApp } from '../../testing/harness.ts'

// Classroom and talent pages carry their own <title> and description in the HTML the server sends,
// for crawlers and link previews that run no script.

const titleOf = (html: string) => /<title>([\s\S]*?)<\/title>/.exec(html)?.[1]
const descriptionOf = (html: string) => /<meta name="description" content="([^"]*)"/.exec(html)?.[1]

describe('classroom and talent page metadata', () => {
  let t: TestApp
  let clerk: Session

  beforeAll(async () => {
    t = await createTestApp()
    clerk = await t.login('clerk')
  })
  afterAll(() => t.close())

  const page = (url: string, lang?: string) =>
    t.request({ method: 'GET', url, headers: lang ? { 'accept-language': lang } : {} })

  it('gives the classroom, a course and a session their titles, in the reader’s language', async () => {
    expect(titleOf((await page('/classroom')).body)).toBe('知识产权课堂 · 知保')
    expect(titleOf((await page('/talent', 'en')).body)).toBe('IP talent showcase · ZhiBao')

    const course = (await t.request({ method: 'GET', url: '/api/classroom/courses' })).json().items[0] as {
      id: string
      title: string
      lecturer: string
    }
    const coursePage = await page(`/classroom/courses/${course.id}`)
    expect(coursePage.statusCode).toBe(200)
    expect(coursePage.headers['content-type']).toContain('text/html')
    expect(titleOf(coursePage.body)).toBe(`${course.title} · 知识产权课堂 · 知保`)
    expect(descriptionOf(coursePage.body)).toContain(`主讲：${course.lecturer}`)

    const session = (await t.request({ method: 'GET', url: '/api/classroom/sessions?when=all' })).json()
      .items[0] as { id: string; courseTitle: string; organizer: string }
    const sessionPage = await page(`/classroom/sessions/${session.id}`, 'en')
    expect(titleOf(sessionPage.body)).toBe(`${session.courseTitle} · IP classroom · ZhiBao`)
    expect(descriptionOf(sessionPage.body)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d · /)
    expect(descriptionOf(sessionPage.body)).toContain(`Organizer：${session.organizer}`)

    const missing = await page('/classroom/courses/no-such-course')
    expect(missing.statusCode).toBe(404)
    expect(titleOf(missing.body)).toBe('未找到 · 知保')
  })

  it('names a talent profile only while consent stands', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/api/talent/profiles',
      as: clerk,
      payload: {
        kind: 'patentAgent',
        name: '钱思敏',
        title: '高级专利代理师',
        organization: '苏州某专利代理事务所',
        ipcSections: ['G'],
        topics: ['软件专利'],
        bio: '专注软件与通信领域专利申请。',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const url = `/talent/${created.json().id}`
    const hidden = await page(url)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.body).not.toContain('钱思敏')

    await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${created.json().id}/consent`,
      as: clerk,
      payload: { scope: 'profile', note: '书面同意' },
    })
    const shown = await page(url)
    expect(shown.statusCode).toBe(200)
    expect(titleOf(shown.body)).toBe('钱思敏 · 知识产权人才展示 · 知保')
    expect(descriptionOf(shown.body)).toBe(
      '专利代理师 · 高级专利代理师 · 苏州某专利代理事务所 · 软件专利 · 专注软件与通信领域专利申请。',
    )

    await t.request({
      method: 'POST',
      url: `/api/talent/profiles/${created.json().id}/consent/withdrawal`,
      as: clerk,
    })
    const withdrawn = await page(url)
    expect(withdrawn.statusCode).toBe(404)
    expect(withdrawn.body).not.toContain('钱思敏')
  })
})
