// `npm start`: build what is stale, then run the server bundle (migrates, seeds, listens).
import { buildAll } from './build.mjs'

await buildAll()
await import('../dist/server.mjs')
