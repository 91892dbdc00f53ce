import type { TalentKind } from '../../../contracts/classroom/index.ts'
import { idParams } from '../../../contracts/common.ts'
import type { ReadContext } from '../../kernel/http/context.ts'
import { sendNotFoundPage, sendPage, siteName } from '../../kernel/http/page-meta.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import type { AppDeps } from '../../kernel/module.ts'
import { getCourse, getSession } from './courses.service.ts'
import { getTalent } from './talent.service.ts'

// The same titles as the web app sets (classroom namespace), so a page reads the same before and after scripts run.
const SECTIONS = {
  classroom: {
    zh: '知识产权课堂',
    en: 'IP classroom',
    dzh: '苏州知识产权课堂：面向企业高管、执法人员、知识产权师和公众的培训课程，在线报名、签到与结业证书查验。',
    den: 'Suzhou IP classroom: training courses for executives, officials, IP practitioners and the public, with online registration, attendance and certificate verification.',
  },
  talent: {
    zh: '知识产权人才展示',
    en: 'IP talent showcase',
    dzh: '苏州知识产权专家、专利代理师和预审员：按类别和 IPC 技术领域查找，经本人同意公开。',
    den: 'Suzhou IP experts, patent agents and examiners, by kind and IPC field, listed with their consent.',
  },
} as const
const TALENT_KINDS: Record<TalentKind, { zh: string; en: string }> = {
  expert: { zh: '专家', en: 'Expert' },
  patentAgent: { zh: '专利代理师', en: 'Patent agent' },
  examiner: { zh: '预审员', en: 'Examiner' },
}

const short = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ').slice(0, 160)

/** A session's start as read in Suzhou: 2026-03-05 14:00. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * Classroom and talent pages with their real title and description for crawlers and link previews
 * (the single-page app renders them); a record the public may not see answers 404.
 */
export function classroomPageRoutes(app: ZodApp, deps: AppDeps) {
  for (const [page, meta] of Object.entries(SECTIONS)) {
    app.get(`/${page}`, { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
      const en = request.readContext().lang === 'en'
      return sendPage(reply, deps.webRoot, {
        title: `${en ? meta.en : meta.zh} · ${siteName(en)}`,
        description: en ? meta.den : meta.dzh,
      })
    })
  }
  const detail = (
    path: string,
    describe: (
      context: ReadContext,
      id: string,
      en: boolean,
    ) => Promise<{ title: string; description: string }>,
  ) =>
    app.get(
      path,
      { config: { public: true }, schema: { hide: true, params: idParams } },
      async (request, reply) => {
        const context = request.readContext()
        const en = context.lang === 'en'
        let meta: { title: string; description: string }
        try {
          meta = await describe(context, request.params.id, en)
        } catch {
          return sendNotFoundPage(reply, deps.webRoot, en)
        }
        return sendPage(reply, deps.webRoot, { ...meta, title: `${meta.title} · ${siteName(en)}` })
      },
    )
  const classroom = (en: boolean) => (en ? SECTIONS.classroom.en : SECTIONS.classroom.zh)

  detail('/classroom/courses/:id', async (context, id, en) => {
    const course = await getCourse(context, id)
    return {
      title: `${course.title} · ${classroom(en)}`,
      description: short([course.summary, `${en ? 'Lecturer' : '主讲'}：${course.lecturer}`]),
    }
  })
  detail('/classroom/sessions/:id', async (context, id, en) => {
    const s = await getSession(context, id)
    return {
      title: `${s.courseTitle} · ${classroom(en)}`,
      description: short([
        chinaTime(s.startsAt),
        s.place || (en ? 'Online' : '线上'),
        `${en ? 'Lecturer' : '主讲'}：${s.lecturer}`,
        `${en ? 'Organizer' : '主办'}：${s.organizer}`,
      ]),
    }
  })
  detail('/talent/:id', async (context, id, en) => {
    const p = await getTalent(context, id)
    return {
      title: `${p.name} · ${en ? SECTIONS.talent.en : SECTIONS.talent.zh}`,
      description: short([
        TALENT_KINDS[p.kind][en ? 'en' : 'zh'],
        p.title,
        p.organization,
        p.topics.join('、'),
        p.bio,
      ]),
    }
  })
}
