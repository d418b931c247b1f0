// Every Slack surface over HTTP: signed requests to /slack/events (surface-suite.ts).
import { defineSurfaceSuite } from './surface-suite.js';

defineSurfaceSuite('http');
