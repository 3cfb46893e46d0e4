; A computation after the output recording: QN4202 (recording calls may be followed only by recording calls and ret).
; A measured bit becomes an integer, which picks a branch and, as a double, a rotation angle; phi and
; select of i1 need no capability, of i64 or double they do.

@0 = internal constant [2 x i8] c"m\00"

define i64 @main() #0 {
entry:
  call void @__quantum__rt__initialize(ptr null)
  call void @__quantum__qis__h__body(ptr null)
  call void @__quantum__qis__mz__body(ptr null, ptr null)
  %r0 = call i1 @__quantum__rt__read_result(ptr null)
  %v1 = zext i1 %r0 to i64
  %v2 = mul i64 %v1, 3
  %v3 = icmp sgt i64 %v2, 1
  br i1 %v3, label %bit_0, label %sum_1
bit_0:
  br label %sum_1
sum_1:
  %v4 = phi double [ 0.0, %entry ], [ 0x3FF0000000000000, %bit_0 ]
  %v6 = phi i64 [ 0, %entry ], [ %v2, %bit_0 ]
  %v8 = phi i1 [ false, %entry ], [ true, %bit_0 ]
  %v7 = select i1 %v3, i64 %v6, i64 1
  %v9 = select i1 %v8, i1 %r0, i1 false
  %v5 = fmul double 0x400921FB54442D18, %v4
  call void @__quantum__qis__rz__body(double %v5, ptr null)
  call void @__quantum__rt__result_record_output(ptr null, ptr @0)
  %v10 = add i64 %v7, 1
  ret i64 0
}

declare void @__quantum__rt__initialize(ptr)
declare void @__quantum__qis__h__body(ptr)
declare void @__quantum__qis__rz__body(double, ptr)
declare void @__quantum__qis__mz__body(ptr, ptr writeonly) #1
declare i1 @__quantum__rt__read_result(ptr readonly)
declare void @__quantum__rt__result_record_output(ptr, ptr)

attributes #0 = { "entry_point" "output_labeling_schema"="labeled" "qir_profiles"="adaptive_profile" "required_num_qubits"="1" "required_num_results"="1" }
attributes #1 = { "irreversible" }

!llvm.module.flags = !{!0, !1, !2, !3, !4, !5}

!0 = !{i32 1, !"qir_major_version", i32 2}
!1 = !{i32 7, !"qir_minor_version", i32 0}
!2 = !{i32 1, !"dynamic_qubit_management", i1 false}
!3 = !{i32 1, !"dynamic_result_management", i1 false}
!4 = !{i32 5, !"int_computations", !6}
!5 = !{i32 5, !"float_computations", !7}
!6 = !{!"i64"}
!7 = !{!"double"}
