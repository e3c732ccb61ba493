// The web app: a private S3 bucket behind CloudFront (origin access control), with the deployment's settings
// in /config.json; a Route53 alias and an ACM certificate when a domain is given.
import {
  type aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  Duration,
  aws_cloudfront_origins as origins,
  RemovalPolicy,
  aws_route53 as route53,
  aws_s3 as s3,
  aws_s3_deployment as s3deploy,
  aws_route53_targets as targets,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface WebDomain {
  domainName: string;
  zone: route53.IHostedZone;
  certificate: acm.ICertificate;
}

export interface WebSiteProps {
  /** Folder of the built web app. */
  webDir: string;
  domain?: WebDomain;
}

export class WebSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://…` where people open the app. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const spa = (httpStatus: number): cloudfront.ErrorResponse => ({
      httpStatus,
      responseHttpStatus: 200,
      responsePagePath: '/index.html',
    });
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      defaultRootObject: 'index.html',
      errorResponses: [spa(403), spa(404)],
      // The default *.cloudfront.net certificate has a fixed policy; our own certificate gets TLS 1.2+.
      ...(props.domain
        ? {
            domainNames: [props.domain.domainName],
            certificate: props.domain.certificate,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.url = `https://${props.domain?.domainName ?? this.distribution.distributionDomainName}`;
    if (props.domain) {
      const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution));
      new route53.ARecord(this, 'Alias', {
        zone: props.domain.zone,
        recordName: props.domain.domainName,
        target,
      });
      new route53.AaaaRecord(this, 'AliasV6', {
        zone: props.domain.zone,
        recordName: props.domain.domainName,
        target,
      });
    }
  }

  /**
   * Uploads the app and its settings (API URL, Cognito ids). Files are cached one minute rather than
   * invalidated: CloudFront's invalidation permission cannot be narrowed to one distribution.
   */
  publish(settings: Record<string, string>, webDir: string): void {
    new s3deploy.BucketDeployment(this, 'Publish', {
      destinationBucket: this.bucket,
      sources: [s3deploy.Source.asset(webDir), s3deploy.Source.jsonData('config.json', settings)],
      cacheControl: [
        s3deploy.CacheControl.maxAge(Duration.minutes(1)),
        s3deploy.CacheControl.mustRevalidate(),
      ],
    });
  }
}
