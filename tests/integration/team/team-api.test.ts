import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as users from "@/app/api/v1/auth/users/route";
import * as user from "@/app/api/v1/auth/users/[id]/route";
import * as invitations from "@/app/api/v1/auth/invitations/route";
import * as invitation from "@/app/api/v1/auth/invitations/[id]/route";
import * as accept from "@/app/api/v1/auth/invitations/accept/route";
import * as sites from "@/app/api/v1/auth/sites/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createAccount, createSite, createUser, twoTenants } from "@/tests/fixtures/factories";

const tokenOf = (inviteUrl: string) => inviteUrl.split("/invite/")[1];

describe("team REST", () => {
  it("invites an editor with access to one site; after accepting they see only that site", async () => {
    const { a } = await twoTenants();
    const other = await createSite(a.account.id);
    const token = await tokenFor(a.owner.id);
    const invited = await callApi(invitations.POST, { method: "POST", token, body: { email: "Editor@Example.test", role: "editor", site_ids: [a.site.id] } });
    expect(invited.status).toBe(201);
    expect(invited.body.data.invite_url).toMatch(/^\/invite\//);
    expect((await callApi(invitations.GET, { token })).body.data).toMatchObject({ count: 1, next: null, previous: null });

    const accepted = await callApi(accept.POST, { method: "POST", body: { token: tokenOf(invited.body.data.invite_url), name: "Eddie", password: "a good long password" } });
    expect(accepted.status).toBe(201);
    expect(accepted.body.data).toMatchObject({ email: "editor@example.test", role: "editor", account_id: a.account.id });
    const again = await callApi(accept.POST, { method: "POST", body: { token: tokenOf(invited.body.data.invite_url), name: "Eddie", password: "a good long password" } });
    expect(again.status).toBe(404);

    const editorToken = await tokenFor(accepted.body.data.id);
    const visible = await callApi(sites.GET, { token: editorToken });
    expect(visible.body.data.results.map((s: { id: number }) => s.id)).toEqual([a.site.id]);
    expect(visible.body.data.results.map((s: { id: number }) => s.id)).not.toContain(other.id);

    const members = await callApi(users.GET, { token });
    expect(members.body.data.count).toBe(2);
  });

  it("changes a member's role and sites, and removes members; owners and admins only", async () => {
    const { a } = await twoTenants();
    const second = await createSite(a.account.id);
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const viewer = await createUser(a.account.id, "viewer");
    const ownerToken = await tokenFor(a.owner.id);

    const changed = await callApi(user.PATCH, { method: "PATCH", token: ownerToken, params: { id: String(editor.id) }, body: { role: "viewer", site_ids: [second.id] } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ role: "viewer", sites: [{ id: second.id }] });

    const viewerToken = await tokenFor(viewer.id);
    expect((await callApi(invitations.POST, { method: "POST", token: viewerToken, body: { email: "x@example.test", role: "viewer" } })).status).toBe(403);
    expect((await callApi(user.DELETE, { method: "DELETE", token: viewerToken, params: { id: String(editor.id) } })).status).toBe(403);
    expect((await callApi(user.PATCH, { method: "PATCH", token: ownerToken, params: { id: String(a.owner.id) }, body: { role: "viewer" } })).status).toBe(403);

    expect((await callApi(user.DELETE, { method: "DELETE", token: ownerToken, params: { id: String(editor.id) } })).status).toBe(200);
    expect(await rootDb().user.findUnique({ where: { id: editor.id } })).toBeNull();
  });

  it("answers another account's users and invitations with 404 and changes nothing", async () => {
    const { a, b } = await twoTenants();
    const bEditor = await createUser(b.account.id, "editor");
    const bInvite = await callApi(invitations.POST, { method: "POST", token: await tokenFor(b.owner.id), body: { email: "b-invitee@example.test", role: "viewer" } });
    const token = await tokenFor(a.owner.id);
    expect((await callApi(user.PATCH, { method: "PATCH", token, params: { id: String(bEditor.id) }, body: { role: "viewer" } })).status).toBe(404);
    expect((await callApi(user.DELETE, { method: "DELETE", token, params: { id: String(bEditor.id) } })).status).toBe(404);
    expect((await callApi(invitation.DELETE, { method: "DELETE", token, params: { id: String(bInvite.body.data.invitation.id) } })).status).toBe(404);
    expect((await callApi(invitations.POST, { method: "POST", token, body: { email: "z@example.test", role: "editor", site_ids: [b.site.id] } })).status).toBe(404);
    const list = await callApi(users.GET, { token });
    expect(list.body.data.results.map((u: { id: number }) => u.id)).toEqual([a.owner.id]);
    expect((await rootDb().user.findUniqueOrThrow({ where: { id: bEditor.id } })).role).toBe("editor");
    expect(await rootDb().invitation.count({ where: { accountId: b.account.id } })).toBe(1);
  });

  it("enforces the plan's user limit, counting pending invitations", async () => {
    const { owner } = await createAccount({ planSlug: "free" });
    const res = await callApi(invitations.POST, { method: "POST", token: await tokenFor(owner.id), body: { email: "one@example.test", role: "editor" } });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/allows 1 user/);
  });

  it("refuses bad input", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    for (const body of [{ email: "bad", role: "editor" }, { email: "ok@example.test", role: "owner" }, { email: "ok@example.test", role: "developer" }, { email: "ok@example.test", role: "editor", site_ids: ["x"] }]) {
      expect((await callApi(invitations.POST, { method: "POST", token, body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await callApi(accept.POST, { method: "POST", body: { token: "x".repeat(30), name: "n", password: "long enough pw" } })).status).toBe(404);
    expect((await callApi(accept.POST, { method: "POST", body: { token: "short", name: "", password: "1" } })).status).toBe(400);
    expect(await rootDb().invitation.count({ where: { accountId: a.account.id } })).toBe(0);
  });
});
