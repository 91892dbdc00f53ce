import { CLASSROOM_SEARCH_KIND_LABELS } from '../../../contracts/classroom/index.ts'
import { CONTENT_KIND_LABELS } from '../../../contracts/content.ts'
import { validateIpc } from '../../../contracts/identifiers/index.ts'
import { ASSET_KIND_LABELS, identifierCandidates } from '../../../contracts/registry.ts'
import type { SearchHit, SearchQuery, SearchResponse } from '../../../contracts/search.ts'
import { SERVICE_SEARCH_KIND_LABELS } from '../../../contracts/services/directory.ts'
import type { ReadContext } from '../../kernel/http/context.ts'
import { highlightAll, type SearchRequest, search, searchFacets, snippet } from '../../kernel/search/index.ts'
import { assetSummaries } from '../registry/index.ts'
import { visibleTo } from './sources.ts'

function ipcPrefix(value: string): string {
  const full = validateIpc(value)
  return full.ok ? full.value : value.toUpperCase().replace(/\s+/g, '')
}

/**
 * The unified search: jieba-segmented text or an exact identifier, the filters, the caller's scope
 * in the query itself, then highlighting on the original text and labelled facets.
 */
export async function searchEverything(context: ReadContext, query: SearchQuery): Promise<SearchResponse> {
  const identifiers = identifierCandidates(query.q)
  const request: SearchRequest = {
    text: identifiers.length > 0 ? '' : query.q,
    identifiers,
    visible: visibleTo(context.actor),
    kinds: query.type,
    districtId: query.district,
    from: query.from,
    to: query.to,
    classes: [
      ...(query.ipc ? [{ scheme: 'ipc', prefix: ipcPrefix(query.ipc) }] : []),
      ...(query.nice ? [{ scheme: 'nice', prefix: String(query.nice).padStart(2, '0') }] : []),
    ],
    page: query.page,
    pageSize: query.pageSize,
  }
  const [result, facets] = await Promise.all([search(context.db, request), searchFacets(context.db, request)])
  const assets = await assetSummaries(
    context.db,
    result.hits.filter((h) => h.source === 'asset').map((h) => h.sourceId),
  )
  const terms = [...result.terms, ...identifiers]
  const items: SearchHit[] = result.hits.map((hit) => {
    const asset = hit.source === 'asset' ? assets.get(hit.sourceId) : undefined
    return {
      source: hit.source as SearchHit['source'],
      id: hit.sourceId,
      kind: hit.kind as SearchHit['kind'],
      title: highlightAll(hit.title, terms),
      snippet: snippet(hit.body, terms),
      names: highlightAll(hit.names, terms),
      number: asset?.number ?? null,
      status: asset?.status ?? null,
      districtId: hit.districtId,
      date: hit.sortDate,
      score: hit.score,
    }
  })
  const districtIds = facets.district.map((f) => f.value)
  const districtNames = new Map(
    districtIds.length === 0
      ? []
      : (
          await context.db
            .selectFrom('organizations')
            .select(['id', 'name_zh', 'name_en'])
            .where('id', 'in', districtIds)
            .execute()
        ).map((o) => [o.id, context.lang === 'en' ? o.name_en : o.name_zh]),
  )
  const kindLabel = (kind: string) =>
    kind === 'case'
      ? context.lang === 'en'
        ? 'Cases'
        : '案件'
      : kind in CLASSROOM_SEARCH_KIND_LABELS
        ? CLASSROOM_SEARCH_KIND_LABELS[kind as keyof typeof CLASSROOM_SEARCH_KIND_LABELS][
            context.lang === 'en' ? 'en' : 'zh'
          ]
        : kind in CONTENT_KIND_LABELS
          ? CONTENT_KIND_LABELS[kind as keyof typeof CONTENT_KIND_LABELS][context.lang === 'en' ? 'en' : 'zh']
          : (ASSET_KIND_LABELS[kind as keyof typeof ASSET_KIND_LABELS]?.[
              context.lang === 'en' ? 'en' : 'zh'
            ] ??
            SERVICE_SEARCH_KIND_LABELS[kind as 'service_point']?.[context.lang === 'en' ? 'en' : 'zh'] ??
            kind)
  return {
    items,
    total: result.total,
    totalIsLowerBound: result.totalIsLowerBound,
    page: query.page,
    pageSize: query.pageSize,
    identifier: identifiers.length > 0,
    facets: {
      type: facets.kind.map((f) => ({ ...f, label: kindLabel(f.value) })),
      district: facets.district.map((f) => ({ ...f, label: districtNames.get(f.value) ?? f.value })),
      year: facets.year.map((f) => ({ ...f, label: f.value })),
      ipc: facets.ipc.map((f) => ({ ...f, label: f.value })),
      nice: facets.nice.map((f) => ({
        ...f,
        label: context.lang === 'en' ? `Class ${Number(f.value)}` : `第${Number(f.value)}类`,
      })),
    },
    facetsSampled: facets.sampled,
  }
}
