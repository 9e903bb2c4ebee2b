import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.js';

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

// s3rver 3.7 rejects every signed request (header or presigned query) with 403
// InvalidAccessKeyId unless it uses this built-in key pair. DynamoDB Local and
// aws-ses-v2-local accept any key.
const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function endpointOptions(endpoint: string | undefined) {
  return endpoint ? { endpoint, credentials: localCredentials } : {};
}

let documentClient: DynamoDBDocumentClient | undefined;
let s3Client: S3Client | undefined;
let sesClient: SESClient | undefined;

/** Returns the DynamoDB document client, created once per process. */
export function ddb(): DynamoDBDocumentClient {
  const { region, endpoints } = config();
  documentClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ region, ...endpointOptions(endpoints.dynamodb) }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return documentClient;
}

/**
 * Returns the S3 client. Checksums are computed only when required because the default
 * flexible checksums corrupt streamed uploads on s3rver and break browser presigned uploads.
 */
export function s3(): S3Client {
  const { region, endpoints } = config();
  s3Client ??= new S3Client({
    region,
    ...(endpoints.s3 ? { endpoint: endpoints.s3, credentials: s3rverCredentials } : {}),
    forcePathStyle: Boolean(endpoints.s3),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3Client;
}

/** Returns the SES client. */
export function ses(): SESClient {
  const { region, endpoints } = config();
  sesClient ??= new SESClient({ region, ...endpointOptions(endpoints.ses) });
  return sesClient;
}
