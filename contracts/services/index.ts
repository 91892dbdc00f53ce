export * from './directory.ts'
export * from './navigation.ts'
