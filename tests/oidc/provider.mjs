// A real OpenID Connect provider on this machine, for the login tests and for trying the login
// before the municipality's own provider is connected: panva's oidc-provider (OpenID Certified),
// with a small Dutch login form and the accounts and clients of a JSON file. Never for production:
// the accounts' passwords are in that file and the signing key is made anew at every start.
//
//   node tests/oidc/provider.mjs instellingen.json
//
// instellingen.json:
//   { "issuer": "http://127.0.0.1:9000",
//     "clients": [{ "client_id": "verkenner", "client_secret": "...",
//                   "redirect_uris": ["http://127.0.0.1:8080/oauth2callback"],
//                   "post_logout_redirect_uris": ["http://127.0.0.1:8080/oauth2callback"] }],
//     "accounts": [{ "login": "anna", "password": "...",
//                    "claims": { "email": "anna@maastricht.example", "name": "Anna", "roles": ["lezer"] } }] }
//
// The "roles" claim is released with the "openid" scope, in the ID token, as Microsoft Entra ID does
// with app roles. It prints "klaar <issuer>" once it listens.

import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import { Provider, interactionPolicy } from "oidc-provider";

const instellingen = JSON.parse(readFileSync(process.argv[2], "utf8"));
const issuer = new URL(instellingen.issuer);
const accounts = new Map(instellingen.accounts.map((a) => [a.login, a]));

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const pagina = (titel, inhoud) => `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>${escape(titel)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 24rem; margin: 3rem auto">
<h1>${escape(titel)}</h1>${inhoud}</body></html>`;

// Streamlit asks for prompt=select_account: as a real provider does, let the user choose the
// account (here: log in again) whenever it is asked for.
const policy = interactionPolicy.base();
policy.add(
  new interactionPolicy.Prompt(
    { name: "select_account", requestable: true },
    new interactionPolicy.Check("select_account_gevraagd", "de gebruiker kiest een account", async (ctx) =>
      ctx.oidc.prompts.has("select_account") && !ctx.oidc.result?.select_account,
    ),
  ),
  0,
);

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

const provider = new Provider(issuer.href.replace(/\/$/, ""), {
  clients: instellingen.clients,
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test" }] },
  cookies: { keys: [randomBytes(32).toString("hex")] },
  claims: { openid: ["sub", "roles"], email: ["email", "email_verified"], profile: ["name"] },
  conformIdTokenClaims: false, // the claims in the ID token: Streamlit reads st.user from it
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = pagina(
          "Uitloggen",
          `${form}<p>Wilt u ook bij de inlogdienst uitloggen?</p>
           <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen</button>`,
        );
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = pagina("Uitgelogd", "<p>U bent uitgelogd.</p>");
      },
    },
  },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // The app is first-party: no consent screen; every scope it asks for is granted.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, sub) =>
    accounts.has(sub) ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub).claims }) } : undefined,
  renderError: async (ctx, out) => {
    ctx.type = "html";
    ctx.body = pagina("Er ging iets mis", `<pre>${escape(JSON.stringify(out, null, 2))}</pre>`);
  },
});

const inlogformulier = (uid, melding = "") =>
  pagina(
    "Inloggen",
    `${melding ? `<p role="alert">${escape(melding)}</p>` : ""}
     <form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
       <p><label>Gebruikersnaam <input name="login" required autofocus></label></p>
       <p><label>Wachtwoord <input name="password" type="password" required></label></p>
       <p><button type="submit">Inloggen</button></p>
     </form>`,
  );

async function leesFormulier(req) {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error("formulier te groot");
  }
  return new URLSearchParams(body);
}

provider.use(async (ctx, next) => {
  const route = ctx.path.match(/^\/interaction\/([\w-]+)(\/login)?$/);
  if (!route) return next();
  ctx.set("Cache-Control", "no-store");
  const { uid } = await provider.interactionDetails(ctx.req, ctx.res);
  if (ctx.method === "GET" && !route[2]) {
    ctx.type = "html";
    ctx.body = inlogformulier(uid);
    return undefined;
  }
  if (ctx.method !== "POST" || !route[2]) return next();
  const formulier = await leesFormulier(ctx.req);
  const account = accounts.get(formulier.get("login"));
  if (!account || account.password !== formulier.get("password")) {
    ctx.status = 401;
    ctx.type = "html";
    ctx.body = inlogformulier(uid, "Onbekende gebruikersnaam of verkeerd wachtwoord.");
    return undefined;
  }
  const result = { select_account: {}, login: { accountId: account.login } };
  const terug = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: false });
  ctx.status = 303;
  ctx.redirect(terug);
  return undefined;
});

provider.listen(Number(issuer.port), issuer.hostname, () => console.log(`klaar ${issuer.href}`));
