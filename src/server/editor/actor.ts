// The signed-in user as the mutations see them, loaded fresh from the database on every
// request: a disabled account, a changed role or a reset password takes effect at once.
import type { Actor } from "../../domain/permissions";
import type { Db } from "../db";

export type EditorUser = Actor & {
  email: string;
  name: string;
  mustChangePassword: boolean;
  sessionVersion: number;
  organisations: { id: number; slug: string; name: string }[];
};

export async function loadActor(db: Db, userId: number, sessionVersion?: number): Promise<EditorUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { organisations: { include: { organisation: true } } },
  });
  if (!user || user.disabledAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
  const organisations = user.organisations
    .map((uo) => ({ id: uo.organisation.id, slug: uo.organisation.slug, name: uo.organisation.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: user.id,
    role: user.role,
    organisationIds: organisations.map((o) => o.id),
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword,
    sessionVersion: user.sessionVersion,
    organisations,
  };
}
