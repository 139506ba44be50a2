-- A person's check of a local cluster: it hides the "check" badge and "Rebuild" keeps the cluster.
ALTER TABLE "clusters" ADD COLUMN "checkedAt" TIMESTAMP(3);
