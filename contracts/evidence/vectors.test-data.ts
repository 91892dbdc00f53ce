/** Published test vectors from /work/shared/domain/trust.md A.8 (RFC 6962 reference tree and friends). */
import { hexToBytes } from '@noble/hashes/utils.js'

/** V1 leaves D0..D7 (hex). */
export const V1_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => hexToBytes(h))

export const V1_LEAF_HASHES = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
]

/** MTH(D[0:n]) for n = 0..8. */
export const V1_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]

/** Interior nodes of the 8-leaf tree: [level, index, hash]. */
export const V1_NODES: Array<[number, number, string]> = [
  [1, 0, 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'],
  [1, 1, '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e'],
  [1, 2, '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a'],
  [1, 3, 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0'],
  [2, 0, 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'],
  [2, 1, '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'],
]

/** V2 inclusion proofs: [index, size, proof hash prefixes (8 hex)]. */
export const V2_INCLUSION: Array<[number, number, string[]]> = [
  [0, 1, []],
  [0, 2, ['96a296d2']],
  [1, 2, ['6e340b9c']],
  [2, 3, ['fac54203']],
  [1, 5, ['6e340b9c', '5f083f0a', 'bc1a0643']],
  [0, 8, ['96a296d2', '5f083f0a', '6b47aaf2']],
  [5, 8, ['bc1a0643', 'ca854ea1', 'd37ee418']],
  // derived in trust.md, consistent with the published file
  [3, 7, ['0298d122', 'fac54203', '837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e']],
  [6, 7, ['0ebc5d34', 'd37ee418']],
]

/** V3 consistency proofs: [old size, new size, proof hash prefixes]. */
export const V3_CONSISTENCY: Array<[number, number, string[]]> = [
  [1, 1, []],
  [1, 8, ['96a296d2', '5f083f0a', '6b47aaf2']],
  [2, 5, ['5f083f0a', 'bc1a0643']],
  [6, 8, ['0ebc5d34', 'ca854ea1', 'd37ee418']],
  [6, 7, ['0ebc5d34', 'b08693ec', 'd37ee418']],
  // derived in trust.md
  [3, 7, ['0298d122', '07506a85', 'fac54203', '837dbb15']],
  [4, 7, ['837dbb15']],
  [7, 8, ['b08693ec', '46f6ffad', '0ebc5d34', 'd37ee418']],
]

/** V9 roots of trees with leaves D[i] = uint64be(i) (self-computed in trust.md, not external). */
export const V9_ROOTS: Array<[number, string]> = [
  [255, 'bb3b9743e08118ea583ae77df04a1449a0601cde6f75146d79c2cab6366ce210'],
  [256, '15e2dd4973ae44de8c8cf3048fd98d17adaaea6287f4e0606a55a643617408c0'],
  [257, 'd418c0873259bce7d0561ab004486112416c1c4490865415342bfe06e673146c'],
  [1000, 'c89faf3395d034a77c12c76d636db96358d6d2839c3c68f6329a07231e82fce2'],
]

/** V6 signed note (golang/mod sumdb/note). */
export const V6 = {
  signerKey: 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz',
  vkey: 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
  text: "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n",
  sigLine:
    '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=',
}

/** V6 C2SP signed-note.md example. */
export const V6_C2SP = {
  vkey: 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k',
  text: 'This is an example message.\n',
  sig: 'Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=',
}

/** V5 Go sumdb record hash / tree text. */
export const V5 = {
  helloLeafB64: 'TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=',
}

/** V8 end-to-end tlog-proof fixture (trust.md; derived from published keys and the V1 tree). */
export const V8 = {
  signerKey: 'PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk',
  vkey: 'localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6',
  proof: `c2sp.org/tlog-proof@v1
index 5
vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=
yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=
037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=

localhost.localdev/sumdb
8
XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=

— localhost.localdev/sumdb AAAMZwUpqgTdpph/EXx5T6Obfg9vClAjgm8OdwLnzb39vuN2TEutw1EmMbzS5nYfNGYvmRrUdVDrDLWo+gbhOPW/hwM=
`,
  cosignerVkey: 'PeterNeumann+18b9780b+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
  cosignTime: 1700000000,
  cosignLine:
    '— PeterNeumann GLl4CwAAAABlU/EA8q4B7pvz2ZhPC+qc6wA/qwaerEYTUscbt3YxVKVQabnYSYVzDc7zFT7WBx4sf5VeOMM9STqaFLuzZf6ivDUkDQ==',
}
