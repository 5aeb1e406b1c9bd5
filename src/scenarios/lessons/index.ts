/**
 * The course: one lesson per section of the chapter, in chapter order. The worker never imports
 * this; the UI drives lessons through the same paths a user takes, and tests run them headless.
 */
import type { Lesson } from '../../lessons/types.ts'
import { clusteripLesson } from './clusterip.ts'
import { insideLesson } from './inside.ts'
import { sessionAffinityLesson } from './sessionAffinity.ts'
import { multiPortLesson } from './multiPort.ts'
import { discoveryLesson } from './discovery.ts'
import { externalLesson } from './external.ts'
import { nodeportLesson } from './nodeport.ts'
import { externalTrafficPolicyLesson } from './externalTrafficPolicy.ts'
import { readinessLesson } from './readiness.ts'
import { ingressLesson } from './ingress.ts'
import { headlessLesson } from './headless.ts'
import { troubleshootingLesson } from './troubleshooting.ts'

/** Every lesson, in chapter order. */
export const LESSONS: readonly Lesson[] = [clusteripLesson, insideLesson, sessionAffinityLesson, multiPortLesson, discoveryLesson, externalLesson, nodeportLesson, externalTrafficPolicyLesson, ingressLesson, readinessLesson, headlessLesson, troubleshootingLesson]

/** A lesson by id. */
export const lessonById = (id: string): Lesson | undefined => LESSONS.find((l) => l.id === id)
