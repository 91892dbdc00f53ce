// The identity module's public face for other modules: reads of users and organizations. Other
// modules call these instead of querying identity's tables.
export { allOrganizations, districtOf } from './organizations.repository.ts'
export { activeUser, type DirectoryUser, findActiveUsers } from './users.directory.ts'
