/** Where a unified-search hit of the classroom or the talent showcase leads on the portal. */
export function classroomPath(source: string, kind: string, id: string): string {
  if (source === 'talent') return `/talent/${id}`
  return kind === 'session' ? `/classroom/sessions/${id}` : `/classroom/courses/${id}`
}
