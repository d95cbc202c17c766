// A random secret the app keeps in its own database, made once and shared by every process.
import { randomBytes } from 'node:crypto';
import type { Prisma } from './database.ts';

export async function appSecret(prisma: Prisma, name: string): Promise<string> {
  const existing = await prisma.appSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  await prisma.appSecret.createMany({ data: [{ name, value: randomBytes(32).toString('base64url') }], skipDuplicates: true });
  return (await prisma.appSecret.findUniqueOrThrow({ where: { name } })).value;
}
