import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';

import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'pacekeeper:metrics-request';
const ANSWER = 'pacekeeper:metrics-answer';
const TIMEOUT_MS = 5000;

interface Answer {
  type: string;
  id: string;
  text?: string;
}

const isAnswer = (message: unknown, id: string): message is Answer =>
  typeof message === 'object' &&
  message !== null &&
  (message as Answer).type === ANSWER &&
  (message as Answer).id === id;

/**
 * Under node:cluster the workers share the listening port, so a scrape reaches any one of them:
 * each worker's own numbers would come and go between scrapes. A worker's registry is
 * therefore handed to prom-client's cluster support, and a scrape asks the primary, which sums
 * every worker's metrics (`AggregatorRegistry`, docs/operations.md#cluster-mode).
 */
export function shareWithPrimary(registry: Registry): void {
  // Constructing one installs prom-client's listener that answers the primary in a worker.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

/** In a worker: the metrics of every worker, summed by the primary. */
export function askPrimary(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    const onMessage = (message: unknown): void => {
      if (!isAnswer(message, id)) return;
      done();
      if (message.text === undefined) reject(new Error('the primary could not collect metrics'));
      else resolve(message.text);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error('the primary did not answer (answerMetricsRequests not installed?)'));
    }, TIMEOUT_MS);
    process.on('message', onMessage);
    process.send?.({ type: REQUEST, id });
  });
}

/** In the primary, once, before forking: answers the workers' scrapes with the cluster's sum. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    const { type, id } = (typeof message === 'object' && message !== null ? message : {}) as {
      type?: unknown;
      id?: unknown;
    };
    if (type !== REQUEST || typeof id !== 'string') return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id, text }),
      () => worker.send({ type: ANSWER, id }),
    );
  });
}

/** The content type of the primary's answer (the Prometheus text format). */
export const AGGREGATED_CONTENT_TYPE = AggregatorRegistry.PROMETHEUS_CONTENT_TYPE;
