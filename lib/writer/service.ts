// The writer module's services (split by noun; see README.md for the rules).
export { listTasks, getTask, createTask, updateTask, deleteTasks, updateTasksStatus, queueIdeasToWriter, type TaskDto, type QueueResult } from "./tasks";
export {
  listContent,
  getContent,
  createContent,
  createContentForTask,
  updateContent,
  updateContentsStatus,
  deleteContents,
  type ContentDto,
  type ContentListItem,
} from "./content";
export { listImages, listImageGallery, getImage, createImage, uploadImage, updateImage, replaceImageFile, deleteImages, setFeaturedImage, type ImageGallery } from "./images";
export type { ImageDto } from "./image-dto";
export { saveGeneratedContent, type GeneratedArticle } from "./generated";
export { getWriterDashboard, type WriterDashboard } from "./dashboard";
export { assertWordsAvailable, assertImagesAvailable, recordGeneratedWords, recordGeneratedImages, writerUsage } from "./limits";
export { placeImageInHtml } from "./html-images";
