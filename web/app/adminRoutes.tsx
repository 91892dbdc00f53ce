import type { RouteObject } from 'react-router'

/** Administration pages under /workbench/admin. */
export const adminRoutes: RouteObject[] = []
