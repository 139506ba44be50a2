-- A scheduled publish the user called off (PATCH /publisher/publishing-records/{id}/).
ALTER TYPE "PublishingStatus" ADD VALUE IF NOT EXISTS 'cancelled';
