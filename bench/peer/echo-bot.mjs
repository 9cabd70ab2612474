// The benchmark's peer: an echo bot on the Bot Framework JS SDK (botbuilder 4.23.3, the reference implementation
// of this protocol) with its real inbound JWT validation (OpenID metadata, issuer, audience, serviceurl claim,
// endorsements). Outbound, the connector token is a fixed string, as our bot's cached token is after its first call.
import express from 'express';
import botbuilder from 'botbuilder';

const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler } = botbuilder;
const env = process.env;

class StaticTokenCredentials {
  constructor(token) { this.token = token; }
  async signRequest(webResource) { webResource.headers.set('Authorization', `Bearer ${this.token}`); return webResource; }
}

const credentialsFactory = {
  isValidAppId: async (appId) => appId === env.MicrosoftAppId,
  isAuthenticationDisabled: async () => false,
  createCredentials: async () => new StaticTokenCredentials(env.CONNECTOR_TOKEN ?? 'peer-token'),
};

const auth = new ConfigurationBotFrameworkAuthentication({
  MicrosoftAppId: env.MicrosoftAppId,
  MicrosoftAppType: 'MultiTenant',
  ToBotFromChannelOpenIdMetadataUrl: env.ToBotFromChannelOpenIdMetadataUrl,
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ValidateAuthority: false,
}, credentialsFactory);

const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (_context, error) => { console.error('turn error', error.message); };

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}
const bot = new EchoBot();

const app = express();
app.use(express.json({ limit: '256kb' }));
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
app.get('/healthz', (_req, res) => res.json({ status: 'healthy' }));
const port = Number(env.PORT ?? 3979);
app.listen(port, '127.0.0.1', () => console.log(`peer echo bot on ${port}`));
