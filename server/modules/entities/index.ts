export { entityNames, findEntityByUscc, insertEntity } from './entities.repository.ts'
export { entitiesErrors } from './errors.ts'
export { entitiesModule } from './module.ts'
