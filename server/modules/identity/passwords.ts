import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's baseline (19 MiB, 2 passes): about 50 ms a hash on this machine.
// (algorithm 2 is Argon2id in @node-rs/argon2's const enum, which verbatimModuleSyntax cannot import.)
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | null = null
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('zhibao-no-such-user')
  return dummyHash
}
